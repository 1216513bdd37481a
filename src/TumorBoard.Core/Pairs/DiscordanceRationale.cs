using System.Globalization;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>Puts the two facts behind a discordance note into one sentence pair, with report ids and dates.</summary>
internal static class DiscordanceRationale
{
    public static string Explain(
        TherapyFinding finding,
        SampleAttribution attribution,
        TherapyFinding resistance,
        IReadOnlyList<string> drugs,
        IReadOnlyList<PriorTherapy> exposures,
        PatientSamples samples)
    {
        var governing = samples.Governing!;
        var drugList = string.Join(", ", drugs);
        var support = attribution.Sample == RecommendationSample.Primary
            ? $"{finding.AlterationKey} (rule {finding.RuleId}) was seen only in the primary ({Describe(samples.Primary)})"
              + (attribution.NotTestedInGoverning ? ", and the governing sample did not test its gene" : ", not in the governing sample")
            : $"{finding.AlterationKey} (rule {finding.RuleId}) is present in the governing sample too";
        var acquired =
            $"the {RoleName(governing.Role)} ({Describe(governing)}) acquired {resistance.AlterationKey}, "
            + $"a resistance finding for {drugList} (rule {resistance.RuleId})";
        var exposure = exposures.Count == 0
            ? string.Empty
            : $" Prior therapy before that sample: {string.Join("; ", exposures.Select(DescribeTherapy))}.";
        return $"{Capitalise(support)}; {acquired}.{exposure}";
    }

    private static string Describe(ReportSnapshot? report) =>
        report is null ? "no report" : $"report {report.ReportId}, {FormatDate(report.SampleTime)}";

    private static string DescribeTherapy(PriorTherapy therapy) =>
        $"{string.Join(" + ", therapy.Drugs)} from {FormatDate(therapy.Start)} to {(therapy.End is null ? "ongoing or unknown" : FormatDate(therapy.End))}";

    private static string FormatDate(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "date unknown";

    private static string RoleName(SpecimenRole role) => role switch
    {
        SpecimenRole.Metastasis => "metastasis",
        SpecimenRole.Ctdna => "ctDNA sample",
        SpecimenRole.Primary => "primary",
        _ => "sample",
    };

    private static string Capitalise(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
