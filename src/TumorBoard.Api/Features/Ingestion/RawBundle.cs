using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>The request body exactly as received, kept for provenance.</summary>
public sealed record RawBundle(string Body, string ContentType)
{
    /// <summary>SHA-256 of the body's UTF-8 bytes, lower-case hex (encoded into a pooled buffer: no copy of the body per request).</summary>
    public string Sha256
    {
        get
        {
            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Body.Length));
            try
            {
                var length = Encoding.UTF8.GetBytes(Body, bytes);
                return Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, length)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
            }
        }
    }
}
