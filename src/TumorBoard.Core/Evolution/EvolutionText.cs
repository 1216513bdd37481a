using System.Globalization;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Evolution;

/// <summary>How the reasons name a sample: role and date, e.g. "ctDNA 2024-06-01".</summary>
internal static class EvolutionText
{
    public static string Sample(ReportSnapshot report)
    {
        var role = report.Role switch
        {
            SpecimenRole.Primary => "primary",
            SpecimenRole.Metastasis => "metastasis",
            SpecimenRole.Ctdna => "ctDNA",
            _ => "sample",
        };
        return report.SampleTime is { } at ? $"{role} {at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : $"{role} (undated)";
    }
}
