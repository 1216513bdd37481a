using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// The evaluation as a STU3 <c>genomic-report</c> DiagnosticReport: final once signed off, else
/// preliminary; every Specimen and every Observation of the Bundle; the knowledge-base version and hash in the
/// conclusion and as a <c>workflow-relatedArtifact</c> the evaluation depends on.
/// </summary>
internal static class GenomicReports
{
    public static DiagnosticReport Create(RecommendationReportInput input, IEnumerable<string> specimenUrls, IEnumerable<string> resultUrls, OutputContext context)
    {
        var report = new DiagnosticReport
        {
            Id = input.EvaluationId,
            Meta = new Meta { Profile = [GenomicsIg.GenomicReport] },
            Status = input.IsSignedOff ? DiagnosticReport.DiagnosticReportStatus.Final : DiagnosticReport.DiagnosticReportStatus.Preliminary,
            Category = [ObservationParts.Concept(GenomicsIg.V2Section, FhirCodes.GeneticsCategory, "Genetics")],
            Code = ObservationParts.Concept(FhirCodes.Loinc, FhirCodes.GenomicReport, "Genetic analysis report"),
            Subject = context.Patient,
            Effective = new FhirDateTime(input.EvaluatedAt),
            Issued = context.Issued,
            Specimen = specimenUrls.Select(url => new ResourceReference(url)).ToList(),
            Result = resultUrls.Select(url => new ResourceReference(url)).ToList(),
            Conclusion = Conclusion(input),
        };
        report.Extension.Add(new Extension(GenomicsIg.WorkflowRelatedArtifact, new RelatedArtifact
        {
            Type = RelatedArtifact.RelatedArtifactType.DependsOn,
            Label = input.KnowledgeBaseVersion,
            Display = $"TumorBoard knowledge base {input.KnowledgeBaseVersion}, content hash {input.KnowledgeBaseHash}",
        }));
        return report;
    }

    private static string Conclusion(RecommendationReportInput input)
    {
        var trials = input.Trials.Count(t => t.Status != TrialEligibility.Ineligible);
        var state = input.IsSignedOff ? "Signed off by the tumor board." : "Not yet signed off by the tumor board.";
        return $"Molecular tumor board decision support from knowledge base {input.KnowledgeBaseVersion} ({input.KnowledgeBaseHash}): "
            + $"{Count(input.Therapies.Count, "therapy finding")} and {Count(trials, "trial arm")}. {state}";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
