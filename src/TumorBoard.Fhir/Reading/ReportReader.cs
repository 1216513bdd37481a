using Hl7.Fhir.Model;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Ingestion;
using TumorBoard.Fhir.Parsing;
using TumorBoard.Fhir.Reading.Markers;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Reads one genomics DiagnosticReport: status, dates, specimen and role, its results (variants,
/// TMB, MSI, the lab's implications, the declared panel), its key and content hash. The report's own fields are checked by
/// <see cref="ReportHeaderReader"/>, its specimen is found by <see cref="ReportSpecimenLocator"/>.
/// </summary>
internal static class ReportReader
{
    /// <summary>True for a genomics report: LOINC 51969-4 (or the STU1/2 panel 81247-9) or category GE.</summary>
    public static bool IsGenomic(DiagnosticReport report) =>
        FhirValues.HasCode(report.Code, FhirCodes.GenomicReport)
        || FhirValues.HasCode(report.Code, FhirCodes.MasterGeneticPanel)
        || report.Category.Any(c => FhirValues.HasCode(c, FhirCodes.GeneticsCategory));

    public static ParsedReport Read(ReportContext context, Located<DiagnosticReport> report, IssueList issues)
    {
        var (resource, path) = (report.Resource, report.Path);
        var status = ReportHeaderReader.Status(report, issues);
        ReportHeaderReader.CheckSubject(context, report, issues);
        var issuedAt = ReportHeaderReader.Date(FhirValues.Raw(resource.IssuedElement), $"{path}.issued", issues);
        var effectiveAt = resource.Effective is Period period
            ? ReportHeaderReader.Date(FhirValues.Raw(period.StartElement), $"{path}.effective", issues)
            : ReportHeaderReader.Date(FhirValues.Raw(resource.Effective as FhirDateTime), $"{path}.effective", issues);
        if (issuedAt is null && effectiveAt is null)
        {
            issues.Warning("incomplete", "The report has neither issued nor effective date.", path);
        }

        var results = ResultWalker.Walk(report, context.Index, issues);
        if (resource.Result.Count == 0)
        {
            issues.Warning("incomplete", "The report lists no results.", $"{path}.result");
        }

        var findings = Findings(context, results, issues);
        var specimen = ReportSpecimenLocator.Find(context, report, results, issues);
        var germlineOnly = findings.Alterations.Count > 0
            && findings.Alterations.All(a => a.Origin == VariantOrigin.Germline && a.Kind is not (AlterationKind.Tmb or AlterationKind.Msi));
        var parsedSpecimen = SpecimenRoles.Derive(specimen, germlineOnly, context.Diagnosis, path, issues);
        var purity = PurityReader.Read(context, results, specimen, issues);
        if (purity.Fraction is { } fraction)
        {
            parsedSpecimen = parsedSpecimen with { Purity = fraction, PuritySource = purity.Source };
        }

        if (findings.Alterations.Count > 0 && findings.Alterations.All(a => !a.Interpreted))
        {
            issues.Error("processing", "Nothing in this report can be interpreted: every finding is unreadable or names an unknown gene.", path);
        }

        var stored = new List<Located<Resource>> { new(resource, path) };
        stored.AddRange(results.Select(r => new Located<Resource>(r.Resource, r.Path)));
        if (specimen is not null)
        {
            stored.Add(new Located<Resource>(specimen.Resource, specimen.Path));
        }

        // A purity stated beside the report (about its specimen) is part of what was reported: a changed purity is a changed report.
        stored.AddRange(purity.Observations.Where(o => !results.Any(r => ReferenceEquals(r.Resource, o.Resource))).Select(o => new Located<Resource>(o.Resource, o.Path)));

        var (hash, version, fhirJson) = ReportContent.Of(stored, context.Index, context.Posted);
        var index = context.Index;
        var (identifier, derived) = ReportIdentity.Identify(report, context.BundleIdentifier, () =>
        {
            // A key made of the content hash is the version 1 hash, so the key of a report stored before version 2 stays.
            if (version != ReportContentHash.FirelyForm)
            {
                (hash, version) = (ReportContent.FirelyFormHash(stored, index), ReportContentHash.FirelyForm);
            }

            return hash;
        }, issues);
        Func<string>? firelyFormHash = version == ReportContentHash.FirelyForm ? null : () => ReportContent.FirelyFormHash(stored, index);
        return new ParsedReport(
            identifier,
            derived,
            status ?? "unknown",
            issuedAt,
            effectiveAt,
            parsedSpecimen,
            findings.Alterations,
            findings.PanelGenes.Count > 0 ? findings.PanelGenes : PanelFromStudy(context, report),
            findings.Annotations,
            hash,
            fhirJson)
        {
            ContentHashVersion = version,
            FirelyFormHash = firelyFormHash,
        };
    }

    private static (List<Alteration> Alterations, List<string> PanelGenes, List<LabAnnotation> Annotations) Findings(
        ReportContext context, List<Located<Observation>> results, IssueList issues)
    {
        var alterations = new List<Alteration>();
        var panel = new List<string>();
        var annotations = new List<LabAnnotation>();
        foreach (var result in results)
        {
            var observation = result.Resource;
            if (FhirValues.HasCode(observation.Code, FhirCodes.Variant))
            {
                if (VariantReader.Read(result, context.Vocabulary, issues) is { } alteration)
                {
                    alterations.Add(alteration);
                }
            }
            else if (BiomarkerReader.IsTmb(observation))
            {
                alterations.Add(BiomarkerReader.Tmb(result, issues));
            }
            else if (BiomarkerReader.IsMsi(observation))
            {
                alterations.Add(BiomarkerReader.Msi(result, issues));
            }
            else if (ImplicationReader.IsImplication(observation))
            {
                annotations.Add(ImplicationReader.Read(result));
            }
            else if (PanelReader.IsRegionStudied(observation))
            {
                panel.AddRange(PanelReader.FromRegionStudied(result, context.Vocabulary.Genes, issues));
            }
            // Clinical markers (HER2 IHC, ER, PR...) are read for the whole bundle by MarkerReader.
            else if (observation.HasMember.Count == 0 && !MarkerReader.Handles(observation) && !DiseaseStatusReader.Handles(observation) && !PurityReader.IsPurity(observation))
            {
                issues.Information("not-supported", $"The result '{FhirValues.Describe(observation.Code)}' is not a variant, TMB, MSI, implication, region studied or clinical marker; it is kept in the stored FHIR only.", result.Path);
            }
        }

        return (alterations, panel.Distinct(StringComparer.Ordinal).ToList(), annotations);
    }

    private static List<string>? PanelFromStudy(ReportContext context, Located<DiagnosticReport> report)
    {
        var genes = PanelReader.FromGenomicStudies(new Located<Resource>(report.Resource, report.Path), context.Index, context.Vocabulary.Genes)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return genes.Count > 0 ? genes : null;
    }
}
