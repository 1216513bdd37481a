using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// Deterministic entry addresses: a <c>fullUrl</c> is <c>urn:uuid:</c> + the resource id when that is a
/// UUID (the service's ids are), else a name-based UUID (RFC 9562 version 8 over SHA-256) of the
/// resource type and id. The same evaluation always gives the same Bundle, and references resolve
/// inside it without a server base URL.
/// </summary>
internal static partial class EntryIds
{
    private const string Namespace = "tumorboard:recommendations:";

    public static string FullUrl(string resourceType, string id) =>
        "urn:uuid:" + (Guid.TryParseExact(id, "D", out var uuid) ? uuid.ToString("D") : NameUuid(resourceType + "/" + id));

    public static string NameUuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Namespace + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
    }

    /// <summary>Throws unless <paramref name="id"/> is a FHIR id: it becomes a resource id as is.</summary>
    public static string Require(string id, string what)
    {
        if (string.IsNullOrEmpty(id) || !FhirId().IsMatch(id))
        {
            throw new ArgumentException($"The {what} '{id}' is not a FHIR id (letters, digits, '-' and '.', at most 64).", what);
        }

        return id;
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$")]
    private static partial Regex FhirId();
}
