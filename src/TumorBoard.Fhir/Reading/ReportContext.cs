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
    BusinessIdentifier? BundleIdentifier)
{
    private List<Located<Observation>>? _purityObservations;

    /// <summary>The posted JSON of the entries' resources (null for XML): each report's content hash and stored form are made from it.</summary>
    public PostedJson? Posted { get; init; }

    /// <summary>Every tumour-purity Observation of the bundle, found once for all its reports.</summary>
    public List<Located<Observation>> PurityObservations => _purityObservations ??= Index.All<Observation>().Where(o => PurityReader.IsPurity(o.Resource)).ToList();

    /// <summary>The tumour-purity Observations some report read, so the bundle reader can say which none did.</summary>
    public HashSet<Observation> PurityRead { get; } = new(ReferenceEqualityComparer.Instance);
}
