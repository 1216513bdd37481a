using TumorBoard.Core.Patients;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>
/// What makes the scatter readable at a board: the patient's tumour type for the header, the two samples
/// named by role, site, type and date (never by report id), and the therapies the patient received, of
/// which those given between the two samples are drawn on a time line.
/// </summary>
/// <param name="TumourType">The patient's tumour type as the board names it, e.g. "Lung Adenocarcinoma (LUAD)".</param>
/// <param name="From">The earlier/reference sample (x axis).</param>
/// <param name="To">The later/compared sample (y axis).</param>
/// <param name="Therapies">Every prior therapy; the picture keeps those between the samples (undated ones too: they cannot be ruled out).</param>
public sealed record PairPlotContext(string? TumourType, PlotSample From, PlotSample To, IReadOnlyList<PriorTherapy> Therapies);

/// <summary>A sample as the board names it, e.g. "metastasis, Liver structure, Specimen from liver, 2024-06-01".</summary>
public sealed record PlotSample(string Name, DateTimeOffset? At);
