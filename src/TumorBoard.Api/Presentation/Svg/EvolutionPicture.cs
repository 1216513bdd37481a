using TumorBoard.Core.Evolution;

namespace TumorBoard.Api.Presentation.Svg;

/// <summary>What the evolution pictures draw: the tumour type for the title, the evolution, and each sample's label lines (role, site, type, date).</summary>
public sealed record EvolutionPicture(string? TumorType, PatientEvolution Evolution, IReadOnlyList<IReadOnlyList<string>> SampleLabels);
