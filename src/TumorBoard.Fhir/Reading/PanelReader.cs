using Hl7.Fhir.Model;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// The genes a report declares it studied: STU2/mCODE <c>region-studied</c> Observations (LOINC 53041-0,
/// gene-studied components) among the results, and the STU3 GenomicStudy Procedure the report points to
/// (<c>genomic-study-reference</c>), whose analyses list <c>genomic-study-analysis-regions</c> "studied" genes.
/// </summary>
internal static class PanelReader
{
    public static bool IsRegionStudied(Observation observation) => FhirValues.HasCode(observation.Code, FhirCodes.RegionStudied);

    public static IEnumerable<string> FromRegionStudied(Located<Observation> located, GeneSymbols genes, IssueList issues)
    {
        foreach (var component in new ObservationComponents(located.Resource, located.Path).All(FhirCodes.GeneStudied))
        {
            var gene = GeneResolver.Resolve(component.Concept, genes);
            if (gene.Symbol is null)
            {
                issues.Warning("code-invalid", $"A gene of the declared panel is not resolved: {gene.Problem}; it is left out of the panel.", component.Path);
                continue;
            }

            yield return gene.Symbol;
        }
    }

    public static IEnumerable<string> FromGenomicStudies(Located<Resource> report, BundleIndex index, GeneSymbols genes)
    {
        var studies = Extensions(report.Resource, FhirCodes.GenomicStudyReference)
            .Select(e => index.Resolve<Procedure>(e.Value as ResourceReference, report))
            .OfType<Located<Procedure>>()
            .ToList();
        var analyses = studies
            .SelectMany(s => Extensions(s.Resource, FhirCodes.GenomicStudyAnalysis).Select(e => index.Resolve<Procedure>(e.Value as ResourceReference, new Located<Resource>(s.Resource, s.Path))))
            .OfType<Located<Procedure>>();
        return studies.Concat(analyses)
            .SelectMany(p => Extensions(p.Resource, FhirCodes.GenomicStudyRegions))
            .SelectMany(regions => regions.Extension.Where(e => e.Url == "studied"))
            .Select(e => GeneResolver.Resolve(e.Value as CodeableConcept, genes).Symbol)
            .OfType<string>();
    }

    /// <summary>Specimens named by the report's GenomicStudy analyses (STU3 keeps them there, not on the report).</summary>
    public static IEnumerable<ResourceReference> StudySpecimens(Located<Resource> report, BundleIndex index)
    {
        var studies = Extensions(report.Resource, FhirCodes.GenomicStudyReference)
            .Select(e => index.Resolve<Procedure>(e.Value as ResourceReference, report))
            .OfType<Located<Procedure>>();
        return studies
            .SelectMany(s => Extensions(s.Resource, FhirCodes.GenomicStudyAnalysis).Select(e => index.Resolve<Procedure>(e.Value as ResourceReference, new Located<Resource>(s.Resource, s.Path))))
            .OfType<Located<Procedure>>()
            .SelectMany(a => Extensions(a.Resource, FhirCodes.GenomicStudySpecimen))
            .Select(e => e.Value as ResourceReference)
            .OfType<ResourceReference>();
    }

    private static IEnumerable<Extension> Extensions(Resource resource, string url) =>
        resource is DomainResource domain ? domain.Extension.Where(e => e.Url == url) : [];
}
