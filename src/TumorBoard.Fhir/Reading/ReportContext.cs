using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>What every report of a bundle is read against.</summary>
internal sealed record ReportContext(
    BundleIndex Index,
    Vocabulary Vocabulary,
    DiagnosisContext Diagnosis,
    Located<Resource>? Patient,
    BusinessIdentifier? BundleIdentifier);
