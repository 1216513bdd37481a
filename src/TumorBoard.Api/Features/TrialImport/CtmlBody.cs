using System.Text;
using System.Text.Json.Nodes;
using TumorBoard.KnowledgeBase.Ctml;

namespace TumorBoard.Api.Features.TrialImport;

/// <summary>Reads a posted CTML document: JSON or YAML by media type, under a size limit.</summary>
internal static class CtmlBody
{
    /// <summary>A trial document is a few kilobytes; 1 MB leaves room for very large basket trials.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static readonly string[] MediaTypes = ["application/json", "application/yaml", "application/x-yaml", "text/yaml"];

    /// <summary>YAML when the client's Accept names a YAML media type before (or without) JSON; JSON otherwise.</summary>
    public static bool WantsYaml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accepted = request.GetTypedHeaders().Accept
            .Where(a => a.Quality is not 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.MediaType.Value?.ToLowerInvariant())
            .FirstOrDefault(m => m is not null && (m == "application/json" || MediaTypes.Contains(m, StringComparer.Ordinal)));
        return accepted is not null and not "application/json";
    }

    public sealed record Body(JsonNode? Root, string MediaType, CtmlProblem? Problem, int Status);

    public static async Task<Body> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        if (!MediaTypes.Contains(mediaType, StringComparer.Ordinal))
        {
            return new Body(null, mediaType, new CtmlProblem("$", $"send CTML as {string.Join(", ", MediaTypes)}"), StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBytes)
        {
            return TooLarge(mediaType);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return TooLarge(mediaType);
            }

            buffer.Write(chunk, 0, read);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var (root, problem) = CtmlText.Parse(text, mediaType != "application/json");
        return new Body(root, mediaType, problem, problem is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private static Body TooLarge(string mediaType) =>
        new(null, mediaType, new CtmlProblem("$", $"a CTML document may be at most {MaxBytes} bytes"), StatusCodes.Status413PayloadTooLarge);
}
