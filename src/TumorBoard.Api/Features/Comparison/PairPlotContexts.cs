using System.Globalization;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Comparison;

/// <summary>Names the pair's samples the way a board does (role, site, type, date) and carries the tumour type and therapies into the picture.</summary>
public static class PairPlotContexts
{
    public static PairPlotContext For(PatientSnapshot snapshot, ReportSnapshot from, ReportSnapshot to)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var patient = snapshot.Patient;
        var tumour = patient.TumorOncotreeCode is null ? null : $"{patient.TumorName ?? patient.TumorOncotreeCode} ({patient.TumorOncotreeCode})";
        return new PairPlotContext(tumour, Sample(patient, from), Sample(patient, to), snapshot.PriorTherapies);
    }

    /// <summary>"metastasis, Liver structure, Specimen from liver, 2024-06-01": the parts known, in that order.</summary>
    public static string SampleName(string role, string? site, string? type, DateTimeOffset? at)
    {
        var parts = new List<string> { role };
        if (!string.IsNullOrWhiteSpace(site))
        {
            parts.Add(site);
        }

        if (!string.IsNullOrWhiteSpace(type) && !string.Equals(type, site, StringComparison.OrdinalIgnoreCase))
        {
            parts.Add(type);
        }

        parts.Add(at is { } date ? date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "date unknown");
        return string.Join(", ", parts);
    }

    private static PlotSample Sample(PatientEntity patient, ReportSnapshot report)
    {
        var specimen = patient.Reports.FirstOrDefault(r => r.Id.ToString() == report.ReportId)?.Specimen;
        var role = report.Role == SpecimenRole.Ctdna ? "ctDNA" : report.Role.ToString().ToLowerInvariant();
        return new PlotSample(SampleName(role, specimen?.Site, specimen?.Type, report.SampleTime), report.SampleTime);
    }
}
