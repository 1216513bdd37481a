using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Reading;

/// <summary>The diagnosis as the contract reports it, plus the sites the specimen-role derivation compares against.</summary>
internal sealed record DiagnosisContext(
    ParsedDiagnosis? Diagnosis,
    BodySite? PrimarySite,
    IReadOnlyList<BodySite> MetastaticSites,
    bool HasMetastaticDisease)
{
    public static readonly DiagnosisContext None = new(null, null, [], false);
}
