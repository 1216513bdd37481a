using System.Text;
using TumorBoard.Api.Infrastructure;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>Reads a FHIR request body under the configured size limit and tells its format from the media type.</summary>
internal static class BundleBodyReader
{
    public enum Failure
    {
        None,
        UnsupportedMediaType,
        TooLarge,
    }

    public static bool IsXml(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/fhir+xml", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase));

    public static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/fhir+json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase));

    public static async Task<(Failure Failure, string Body)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType) && !IsXml(request.ContentType))
        {
            return (Failure.UnsupportedMediaType, string.Empty);
        }

        if (request.ContentLength > maxBytes)
        {
            return (Failure.TooLarge, string.Empty);
        }

        // The server-wide limit is lifted for this route; this limit is enforced while reading, so a
        // chunked body without Content-Length cannot exceed it either.
        request.HttpContext.DisableBodySizeLimit();

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (Failure.TooLarge, string.Empty);
            }

            buffer.Write(chunk, 0, read);
        }

        return (Failure.None, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
