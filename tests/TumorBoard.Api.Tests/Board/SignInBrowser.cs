using System.Collections.ObjectModel;
using System.Net;
using System.Text.RegularExpressions;

namespace TumorBoard.Api.Tests.Board;

/// <summary>
/// What a browser does during a sign-in, without a browser: follows redirects across hosts and keeps cookies
/// per host and path (Secure, SameSite=None correlation cookies included, as the service is addressed over
/// https). Requests to <c>https://localhost</c> go to the service in-process (its real pipeline); every
/// other host, the identity provider on 127.0.0.1, over the loopback network.
/// </summary>
public sealed class SignInBrowser(HttpMessageHandler service) : IDisposable
{
    public static readonly Uri Service = new("https://localhost");

    private readonly HttpMessageInvoker _service = new(service);
    private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every URL requested, redirects included, in order.</summary>
    public Collection<Uri> Visited { get; } = [];

    public Task<BrowserPage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Service, url)));

    public Task<BrowserPage> PostFormAsync(string url, params (string Name, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(Service, url))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        });

    private async Task<BrowserPage> SendAsync(HttpRequestMessage request)
    {
        for (var hop = 0; hop < 12; hop++)
        {
            var uri = request.RequestUri!;
            var cookie = Cookies.GetCookieHeader(uri);
            if (cookie.Length > 0)
            {
                request.Headers.Add("Cookie", cookie);
            }

            Visited.Add(uri);
            using var response = await (uri.Host == Service.Host ? _service : _network).SendAsync(request, CancellationToken.None);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                Cookies.SetCookies(uri, header);
            }

            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.MovedPermanently
                && response.Headers.Location is { } location)
            {
                request.Dispose();
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, location));
                continue;
            }

            request.Dispose();
            return new BrowserPage(response.StatusCode, uri, await response.Content.ReadAsStringAsync());
        }

        throw new InvalidOperationException("More than 12 redirects: " + string.Join(" -> ", Visited));
    }

    public void Dispose()
    {
        _service.Dispose();
        _network.Dispose();
    }
}

/// <summary>A page as the browser ended on it.</summary>
public sealed partial record BrowserPage(HttpStatusCode Status, Uri Url, string Html)
{
    /// <summary>The anti-forgery token of the page's first form.</summary>
    public string AntiforgeryToken =>
        TokenPattern().Match(Html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException($"no anti-forgery token on {Url}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
