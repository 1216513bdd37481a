using System.Globalization;
using Hl7.Fhir.Model;

namespace TumorBoard.Fhir.Parsing;

/// <summary>Small readers over Firely values that never throw on the invalid values a lenient read keeps.</summary>
internal static class FhirValues
{
    public static IEnumerable<Coding> Codings(CodeableConcept? concept) =>
        concept?.Coding.Where(c => c is not null) ?? [];

    /// <summary>True when any coding has the code (and the system, when given).</summary>
    /// <remarks>A loop, not a query: it is asked for every code of every element the reader looks at, and the query's
    /// iterator and closures were a twentieth of what the reader allocated beyond Firely (issue 12, session 7).</remarks>
    public static bool HasCode(CodeableConcept? concept, string code, string? system = null)
    {
        if (concept is null)
        {
            return false;
        }

        var codings = concept.Coding;
        for (var i = 0; i < codings.Count; i++)
        {
            if (codings[i] is { } c && string.Equals(c.Code?.Trim(), code, StringComparison.OrdinalIgnoreCase)
                && (system is null || string.Equals(c.System?.Trim(), system, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAnyCode(CodeableConcept? concept, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes)
        {
            if (HasCode(concept, code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The concept's text then each coding's display, trimmed, without blanks.</summary>
    public static IEnumerable<string> Texts(CodeableConcept? concept)
    {
        if (concept is null)
        {
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(concept.Text))
        {
            yield return concept.Text.Trim();
        }

        foreach (var coding in Codings(concept))
        {
            if (!string.IsNullOrWhiteSpace(coding.Display))
            {
                yield return coding.Display.Trim();
            }
        }
    }

    /// <summary>Text, displays and codes: everything a person could read from the concept.</summary>
    public static string Describe(CodeableConcept? concept) =>
        Texts(concept).FirstOrDefault() ?? Codings(concept).Select(c => c.Code).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim() ?? string.Empty;

    /// <summary>The primitive's value exactly as sent, even when it is not a valid value.</summary>
    public static string? Raw(PrimitiveType? primitive) => primitive?.JsonValue switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>Parses a FHIR date, dateTime or instant (partial dates give the first instant, UTC).</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        string[] partial = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(trimmed, partial, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            value = new DateTimeOffset(date, TimeSpan.Zero);
            return true;
        }

        return trimmed.Length > 10 && trimmed[4] == '-' && trimmed[7] == '-'
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>The start of a dateTime or Period value; the end of a Period.</summary>
    public static (DateTimeOffset? Start, DateTimeOffset? End) Span(DataType? value) => value switch
    {
        FhirDateTime dt => (Date(Raw(dt)), null),
        Period p => (Date(Raw(p.StartElement)), Date(Raw(p.EndElement))),
        _ => (null, null),
    };

    public static DateTimeOffset? Date(string? text) => TryParseDate(text, out var value) ? value : null;

    public static decimal? QuantityValue(DataType? value) => value switch
    {
        Quantity q => q.Value,
        Integer i => i.Value,
        FhirDecimal d => d.Value,
        _ => null,
    };
}
