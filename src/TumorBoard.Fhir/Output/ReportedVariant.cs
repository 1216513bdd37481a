using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Output;

/// <summary>
/// One alteration of one report. Findings refer to alterations by <see cref="Alteration.Key"/>; a key
/// found in two reports (primary and metastasis) is two variants, and the finding derives from both.
/// </summary>
/// <param name="Id">Stable id (the stored alteration's id); the Observation's id.</param>
/// <param name="Alteration">The normalised alteration.</param>
/// <param name="ReportId">The stored report it came from.</param>
/// <param name="SpecimenRole">What the report's specimen represents (primary, metastasis, ctDNA).</param>
public sealed record ReportedVariant(string Id, Alteration Alteration, string ReportId, SpecimenRole SpecimenRole);
