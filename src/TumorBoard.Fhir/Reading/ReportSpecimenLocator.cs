using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>Finds the specimen a genomics DiagnosticReport was run on.</summary>
internal static class ReportSpecimenLocator
{
    /// <summary>
    /// The report's specimen: from DiagnosticReport.specimen, else the GenomicStudy analyses, else the
    /// results. Of a tumour/normal pair the tumour is the report's specimen (the normal is the matched control).
    /// </summary>
    public static Located<Specimen>? Find(ReportContext context, Located<DiagnosticReport> report, List<Located<Observation>> results, IssueList issues)
    {
        var from = new Located<Resource>(report.Resource, report.Path);
        var candidates = new List<Located<Specimen>>();
        for (var i = 0; i < report.Resource.Specimen.Count; i++)
        {
            if (context.Index.Resolve<Specimen>(report.Resource.Specimen[i], from) is { } specimen)
            {
                candidates.Add(specimen);
            }
            else
            {
                issues.Warning("not-found", $"The specimen reference '{report.Resource.Specimen[i].Reference}' does not resolve to a Specimen in the bundle.", $"{report.Path}.specimen[{i}]");
            }
        }

        if (candidates.Count == 0)
        {
            candidates.AddRange(PanelReader.StudySpecimens(from, context.Index).Select(r => context.Index.Resolve<Specimen>(r, from)).OfType<Located<Specimen>>());
        }

        if (candidates.Count == 0)
        {
            candidates.AddRange(results.Select(r => context.Index.Resolve<Specimen>(r.Resource.Specimen, new Located<Resource>(r.Resource, r.Path))).OfType<Located<Specimen>>());
        }

        return candidates.FirstOrDefault(c => !SpecimenRoles.IsBlood(c.Resource) && !SpecimenRoles.IsMarkedNormal(c.Resource))
            ?? candidates.FirstOrDefault();
    }
}
