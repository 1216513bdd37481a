using System.Globalization;
using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>A specimen's tumour purity as read: the fraction (0..1), the words it came from, and the Observations it rests on.</summary>
internal sealed record PurityReading(decimal? Fraction, string? Source, IReadOnlyList<Located<Observation>> Observations);

/// <summary>
/// Reads tumour purity (the specimen's tumour cell content) for a report's specimen, for the cancer-cell fraction
/// (docs/evolution.md). No Genomics Reporting or mCODE profile carries it; two published FHIR profiles do, and both
/// codes are accepted:
/// <list type="bullet">
/// <item>LOINC <c>93356-4</c>, the code of the MII Molekulares Tumorboard profile <c>MII_PR_MTB_Tumorzellgehalt</c>
/// (tumour cell content; valueQuantity UCUM <c>%/100</c>, its examples also use <c>%</c>);</item>
/// <item>SNOMED CT <c>371510003</c> "Proportion of specimen involved by tumour", the NHS England Genomics IG's
/// neoplastic-cell Observation.</item>
/// </list>
/// The Observation is the report's purity when the report lists it in <c>result</c>, or when its <c>specimen</c> is the
/// report's specimen. The value is a Quantity in UCUM <c>%</c> (0-100) or <c>%/100</c> / <c>1</c> (0-1). A value outside
/// its range is an error (the bundle is refused: a purity of 120 % is a sender's mistake, not a fact to store); a
/// value without a recognised unit, or two values that disagree, are warnings and set nothing.
/// </summary>
internal static class PurityReader
{
    public const string Loinc = "93356-4";
    public const string Snomed = "371510003";

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "entered-in-error", "cancelled", "registered" };

    public static bool IsPurity(Observation observation) =>
        FhirValues.HasCode(observation.Code, Loinc, FhirCodes.Loinc) || FhirValues.HasCode(observation.Code, Snomed, FhirCodes.Snomed);

    public static PurityReading Read(ReportContext context, List<Located<Observation>> results, Located<Specimen>? specimen, IssueList issues)
    {
        var found = results.Where(r => IsPurity(r.Resource)).ToList();
        if (specimen is not null)
        {
            foreach (var entry in context.PurityObservations.Where(o => !found.Any(f => ReferenceEquals(f.Resource, o.Resource))))
            {
                var target = context.Index.Resolve<Specimen>(entry.Resource.Specimen, new Located<Resource>(entry.Resource, entry.Path));
                if (target is not null && ReferenceEquals(target.Resource, specimen.Resource))
                {
                    found.Add(entry);
                }
            }
        }

        var values = new List<(decimal Fraction, string Source)>();
        foreach (var observation in found)
        {
            context.PurityRead.Add(observation.Resource);
            if (Value(observation, issues) is { } value)
            {
                values.Add(value);
            }
        }

        var distinct = values.Select(v => v.Fraction).Distinct().ToList();
        if (distinct.Count > 1)
        {
            issues.Warning("conflict", $"The report's specimen has tumour purity values that disagree ({string.Join(", ", values.Select(v => v.Source))}); no purity is set.", found[0].Path);
            return new PurityReading(null, null, found);
        }

        return distinct.Count == 1 ? new PurityReading(distinct[0], values[0].Source, found) : new PurityReading(null, null, found);
    }

    /// <summary>Purity Observations no report's specimen or result list names: said, not guessed onto a report.</summary>
    public static void ReportUnread(ReportContext context, IssueList issues)
    {
        foreach (var entry in context.PurityObservations.Where(o => !context.PurityRead.Contains(o.Resource)))
        {
            issues.Information("not-found", "This tumour purity Observation is neither a report's result nor about a report's specimen; it is not used.", entry.Path);
        }
    }

    private static (decimal Fraction, string Source)? Value(Located<Observation> located, IssueList issues)
    {
        var (observation, path) = (located.Resource, located.Path);
        var status = FhirValues.Raw(observation.StatusElement)?.Trim();
        if (status is not null && Ignored.Contains(status))
        {
            issues.Information("informational", $"The tumour purity observation has status '{status}'; it is ignored.", $"{path}.status");
            return null;
        }

        var code = FhirValues.HasCode(observation.Code, Loinc, FhirCodes.Loinc) ? $"LOINC {Loinc}" : $"SNOMED CT {Snomed}";
        if (observation.Value is not Quantity { Value: { } value } quantity)
        {
            issues.Warning("value", $"The tumour purity ({code}) has no numeric Quantity value; it is not used.", $"{path}.value");
            return null;
        }

        var unit = (quantity.Code ?? quantity.Unit)?.Trim();
        var (scale, max) = unit switch
        {
            "%" => (100m, 100m),
            "%/100" or "1" => (1m, 1m),
            _ => (0m, 0m),
        };
        var shown = $"{value.ToString(CultureInfo.InvariantCulture)} {unit}".Trim();
        if (scale == 0m)
        {
            issues.Warning("value", $"The tumour purity {shown} ({code}) has no recognised unit (UCUM '%' for 0-100, '%/100' or '1' for 0-1); it is not used.", $"{path}.value");
            return null;
        }

        if (value < 0m || value > max)
        {
            issues.Error("value", $"Tumour purity {shown} ({code}) is outside {(max == 100m ? "0-100 %" : "0-1")}.", $"{path}.value");
            return null;
        }

        return (value / scale, $"{code} {shown}");
    }
}
