using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using TumorBoard.Core.Alterations;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Reads the molecular biomarkers the service uses: TMB (LOINC 94076-7, valueQuantity in mut/Mb) and
/// MSI (LOINC 81695-9: LA26203-2 MSI-H, LA14122-8 stable). MSI-L is reported as MSS with the lab's
/// word kept in the description, since it is not MSI-high for any rule.
/// </summary>
internal static partial class BiomarkerReader
{
    /// <summary>No tumour comes near this (hypermutated tumours reach hundreds of mutations per megabase); above it the value is a sender's error.</summary>
    public const decimal MaxTmb = 10_000m;

    public static bool IsTmb(Observation observation) =>
        FhirValues.HasCode(observation.Code, FhirCodes.Tmb)
        || FhirValues.Texts(observation.Code).Any(t => t.Contains("mutational burden", StringComparison.OrdinalIgnoreCase) || t.Contains("mutation burden", StringComparison.OrdinalIgnoreCase));

    public static bool IsMsi(Observation observation) =>
        FhirValues.HasCode(observation.Code, FhirCodes.Msi)
        || FhirValues.Texts(observation.Code).Any(t => t.Contains("microsatellite", StringComparison.OrdinalIgnoreCase));

    public static Alteration Tmb(Located<Observation> located, IssueList issues)
    {
        var value = located.Resource.Value switch
        {
            FhirString s => LeadingNumber(s.Value),
            var other => FhirValues.QuantityValue(other),
        };
        if (value is null or < 0m or > MaxTmb)
        {
            issues.Warning("value", "The tumour mutational burden has no plausible numeric value (0 to 10,000 mutations per megabase); it is kept but not interpreted.", $"{located.Path}.value");
            value = null;
        }

        return new Alteration
        {
            Key = AlterationKeys.Tmb,
            Gene = string.Empty,
            Kind = AlterationKind.Tmb,
            Value = value is >= 0m ? value : null,
            Description = FhirValues.Texts(located.Resource.Code).FirstOrDefault(),
            Interpreted = value is >= 0m,
        };
    }

    public static Alteration Msi(Located<Observation> located, IssueList issues)
    {
        var concept = located.Resource.Value as CodeableConcept;
        var words = string.Join(' ', FhirValues.Texts(concept).Append((located.Resource.Value as FhirString)?.Value ?? string.Empty));
        bool? high = FhirValues.HasCode(concept, FhirCodes.MsiHigh) || MsiHighWords().IsMatch(words) ? true
            : FhirValues.HasCode(concept, FhirCodes.MsiStable) || MsiStableWords().IsMatch(words) ? false
            : null;
        if (high is null)
        {
            issues.Warning("value", $"The microsatellite status '{words.Trim()}' is neither MSI-H nor stable; it is kept but not interpreted.", $"{located.Path}.value");
        }

        return new Alteration
        {
            Key = high is { } h ? AlterationKeys.Msi(h) : AlterationKeys.Uninterpreted("MSI", words),
            Gene = string.Empty,
            Kind = AlterationKind.Msi,
            Description = words.Trim().Length > 0 ? words.Trim() : null,
            Interpreted = high is not null,
        };
    }

    private static decimal? LeadingNumber(string? text) =>
        text is not null && Number().Match(text) is { Success: true } m
            && decimal.TryParse(m.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    [GeneratedRegex(@"MSI[\s-]*H|\bhigh\b", RegexOptions.IgnoreCase)]
    private static partial Regex MsiHighWords();

    [GeneratedRegex(@"\bstable\b|\bMSS\b|MSI[\s-]*L|\blow\b", RegexOptions.IgnoreCase)]
    private static partial Regex MsiStableWords();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();
}
