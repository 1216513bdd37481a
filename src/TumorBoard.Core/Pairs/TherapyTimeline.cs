using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Pairs;

/// <summary>
/// Places prior therapies against sample times. An undated therapy, or a sample without a time, cannot be
/// ruled out, so it is kept: the board sees it with its (missing) dates rather than losing it.
/// </summary>
internal static class TherapyTimeline
{
    /// <summary>Therapies with any of <paramref name="drugs"/> that started before <paramref name="sample"/> was taken.</summary>
    public static IReadOnlyList<PriorTherapy> ExposedBefore(IReadOnlyList<PriorTherapy> therapies, IReadOnlyList<string> drugs, ReportSnapshot sample) =>
        therapies
            .Where(t => t.Drugs.Any(d => drugs.Contains(d, StringComparer.OrdinalIgnoreCase)))
            .Where(t => StartedBefore(t, sample))
            .ToList();

    /// <summary>Therapies given between the two samples: started before <paramref name="later"/> and not ended before <paramref name="earlier"/>.</summary>
    public static IReadOnlyList<PriorTherapy> Between(IReadOnlyList<PriorTherapy> therapies, ReportSnapshot earlier, ReportSnapshot later) =>
        therapies
            .Where(t => StartedBefore(t, later))
            .Where(t => t.End is null || earlier.SampleTime is null || t.End >= earlier.SampleTime)
            .ToList();

    private static bool StartedBefore(PriorTherapy therapy, ReportSnapshot sample) =>
        therapy.Start is null || sample.SampleTime is null || therapy.Start < sample.SampleTime;
}
