using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>The request body exactly as received, kept for provenance.</summary>
public sealed record RawBundle(string Body, string ContentType)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)));
}
