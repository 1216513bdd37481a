using System.Buffers;
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

        // Read into a pooled buffer the size of the declared body (a fresh 80 KB chunk and a growing MemoryStream per
        // request were about a twelfth of the service's allocations under load: docs/performance.md, issue 12 session 7).
        // Buffers go back cleared: a body holds patient data.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? InitialBuffer, 1, maxBytes) + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return (Failure.TooLarge, string.Empty);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }
            }

            return (Failure.None, Encoding.UTF8.GetString(buffer, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>The first buffer for a body sent without Content-Length (chunked); it doubles as needed.</summary>
    private const int InitialBuffer = 16 * 1024;
}
