using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TumorBoard.Api.Features.Trials;

/// <summary>
/// The opaque cursor of an arm patient list: where the previous page ended (its last patient id, the list's
/// keyset order), the page number it leads to, and the total counted on the first page (so later pages cost no
/// count). Bound to its arm and status filter by a short hash, so a cursor of one list cannot page another.
/// Not a secret and not signed: tampering can only move a client within lists it may read anyway.
/// </summary>
public sealed record ArmPatientsCursor(Guid After, int Page, int Total, string Scope)
{
    private const string Version = "v1";

    public static string ScopeOf(string trialId, string armId, IEnumerable<string> statuses) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{trialId}/{armId}/{string.Join(',', statuses)}")))[..12];

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', Version, After.ToString("N"), Page.ToString(CultureInfo.InvariantCulture), Total.ToString(CultureInfo.InvariantCulture), Scope)));

    /// <summary>The cursor, or null when <paramref name="text"/> is not one this service issued for <paramref name="scope"/>.</summary>
    public static ArmPatientsCursor? Decode(string text, string scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 200 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
        return parts.Length == 5
            && string.Equals(parts[0], Version, StringComparison.Ordinal)
            && Guid.TryParseExact(parts[1], "N", out var after)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 2
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            && string.Equals(parts[4], scope, StringComparison.Ordinal)
            ? new ArmPatientsCursor(after, page, total, scope)
            : null;
    }
}
