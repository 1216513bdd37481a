using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// A patient's rows as an ingestion adds them (patient with its facts, bundle, report with specimen and alterations,
/// evaluation, trial recommendation and its latest row, audit row), for writing one graph with the batched writer and
/// the same graph with EF and comparing what each stored.
/// </summary>
internal sealed record PatientGraph(PatientEntity Patient, IngestedBundleEntity Bundle, ReportEntity Report, EvaluationEntity Evaluation, RecommendationEntity Recommendation, AuditEventEntity Audit)
{
    /// <summary>The recommendation's narrow latest row, as the ingestion adds it beside the recommendation.</summary>
    public LatestTrialRecommendationEntity Latest { get; init; } = new()
    {
        RecommendationId = Recommendation.Id,
        PatientId = Recommendation.PatientId,
        TrialId = Recommendation.TrialId!,
        ArmId = Recommendation.ArmId!,
        Status = Recommendation.Status!,
        ArmStatus = Recommendation.ArmStatus,
    };
}

internal static class PatientGraphs
{
    private static readonly TimeSpan PlusTwo = TimeSpan.FromHours(2);

    public static PatientGraph Graph(string name)
    {
        var at = new DateTimeOffset(2026, 12, 3, 10, 0, 0, PlusTwo);
        var patient = new PatientEntity
        {
            Id = Guid.CreateVersion7(),
            CreatedAt = at,
            UpdatedAt = at.AddMinutes(1),
            Sex = "female",
            BirthDate = new DateOnly(1961, 4, 12),
            TumorOncotreeCode = "LUAD",
            TumorName = "Lung adenocarcinoma",
        };
        patient.Identifiers.Add(new PatientIdentifierEntity { PatientId = patient.Id, System = "urn:test:mrn", Value = "MRN-" + name });
        patient.Conditions.Add(new ConditionEntity { PatientId = patient.Id, Kind = "primary", System = "http://snomed.info/sct", Code = "254637007", Display = "NSCLC", BodySite = "lung", OncotreeCode = "LUAD" });
        patient.PriorTherapies.Add(new PriorTherapyEntity { PatientId = patient.Id, Drugs = ["osimertinib", "carboplatin"], Start = at.AddYears(-1), End = null, Source = "MedicationStatement/1" });
        patient.ClinicalMarkers.Add(new ClinicalMarkerEntity { PatientId = patient.Id, Marker = "pd-l1", Status = "positive", EffectiveAt = at.AddDays(-3), Source = "Observation/2", RecordedAt = at });
        patient.DiseaseStatuses.Add(new DiseaseStatusEntity { PatientId = patient.Id, Status = "progressing", EffectiveAt = null, Source = "Observation/3", RecordedAt = at });
        var bundle = new IngestedBundleEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            ReceivedAt = at,
            ContentType = "application/fhir+json",
            Sha256 = new string('a', 64),
            RawBody = "{\"resourceType\":\"Bundle\",\"note\":\"Ä ✓\"}",
            Actor = "tester",
            Warnings = ["one warning"],
        };
        var report = new ReportEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            BundleId = bundle.Id,
            IdentifierSystem = "urn:test:accession",
            IdentifierValue = "ACC-" + name,
            IdentifierIsDerived = true,
            Status = "final",
            IssuedAt = at.AddDays(-1),
            EffectiveAt = null,
            StoredAt = at,
            ContentHash = new string('b', 64),
            FhirJson = "{\"resourceType\":\"Bundle\"}",
            PanelGenes = ["EGFR", "KRAS"],
            LabAnnotationsJson = "[{\"text\":\"note\"}]",
            Warnings = [],
            Specimen = new SpecimenEntity { Id = Guid.CreateVersion7(), PatientId = patient.Id, FhirId = "s1", Role = "tumor", RoleReason = "stated", Type = "tissue", Site = "lung", CollectedAt = at.AddDays(-10), Purity = 0.654321m, PuritySource = "pathology" },
        };
        report.Alterations.Add(new AlterationEntity
        {
            Id = Guid.CreateVersion7(),
            ReportId = report.Id,
            PatientId = patient.Id,
            Ordinal = 0,
            Key = "EGFR:p.T790M",
            Gene = "EGFR",
            Kind = "snv",
            ProteinChange = "T790M",
            ProteinJson = "{\"text\":\"T790M\"}",
            CodingChange = "c.2369C>T",
            Transcript = "NM_005228.5",
            CopyNumber = 2.5m,
            CnaCall = null,
            FusionGenes = null,
            Value = null,
            Vaf = 0.12346m,
            Origin = "somatic",
            Description = null,
            Interpreted = true,
        });
        patient.Reports.Add(report);
        var evaluation = new EvaluationEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            EvaluatedAt = at,
            KnowledgeBaseVersion = "1.1.0",
            KnowledgeBaseHash = new string('c', 64),
            TrialsVersion = "2026-12",
            TrialsHash = new string('d', 64),
            ReportIds = [report.Id],
            Trigger = "ingestion",
            Document = "{\"therapies\":[]}",
        };
        var recommendation = new RecommendationEntity
        {
            Id = Guid.CreateVersion7(),
            EvaluationId = evaluation.Id,
            PatientId = patient.Id,
            Kind = "trial",
            TrialId = "NCT00000001",
            ArmId = "A",
            Status = "eligible",
            ArmStatus = "open",
            Payload = "{\"trialId\":\"NCT00000001\"}",
        };
        patient.LatestEvaluationId = evaluation.Id;
        return new PatientGraph(patient, bundle, report, evaluation, recommendation, Audit(name));
    }

    /// <summary>The graph's report with this many alterations, each different in gene, change, VAF, fusion partners and flag.</summary>
    public static PatientGraph WithAlterations(PatientGraph graph, int count)
    {
        var report = graph.Report;
        var template = report.Alterations.Single();
        for (var ordinal = 1; ordinal < count; ordinal++)
        {
            report.Alterations.Add(new AlterationEntity
            {
                Id = Guid.CreateVersion7(),
                ReportId = report.Id,
                PatientId = graph.Patient.Id,
                Ordinal = ordinal,
                Key = $"GENE{ordinal}:p.A{ordinal}V",
                Gene = $"GENE{ordinal}",
                Kind = template.Kind,
                ProteinChange = $"A{ordinal}V",
                ProteinJson = $"{{\"text\":\"A{ordinal}V\"}}",
                Vaf = ordinal / 100m,
                Origin = template.Origin,
                FusionGenes = ordinal % 2 == 0 ? [$"GENE{ordinal}", "ALK"] : null,
                Interpreted = ordinal % 3 == 0,
            });
        }

        return graph;
    }

    public static AuditEventEntity Audit(string action) => new()
    {
        At = new DateTimeOffset(2026, 12, 3, 10, 0, 0, PlusTwo),
        Actor = "tester",
        Action = action,
        EntityType = "patient",
        EntityId = "x",
        PatientId = null,
        Details = "{\"count\": 1}",
    };

    /// <summary>As the ingestion adds them: the patient with its collections, the bundle, the report reached through the patient, the rest.</summary>
    public static void Add(TumorBoardDbContext db, PatientGraph graph)
    {
        db.Patients.Add(graph.Patient);
        db.IngestedBundles.Add(graph.Bundle);
        db.Evaluations.Add(graph.Evaluation);
        db.Recommendations.Add(graph.Recommendation);
        db.LatestTrialRecommendations.Add(graph.Latest);
        db.AuditEvents.Add(graph.Audit);
    }

    /// <summary>Patient, its 5 facts, bundle, report, specimen, alterations, evaluation, recommendation, its latest row, audit row.</summary>
    public static int CountRows(PatientGraph graph) => 1 + 5 + 1 + 1 + 1 + graph.Report.Alterations.Count + 1 + 1 + 1 + 1;

    public static async Task<PatientGraph> LoadAsync(TumorBoardDbContext db, Guid patientId)
    {
        var patient = await db.Patients.AsNoTracking()
            .Include(p => p.Identifiers).Include(p => p.Conditions).Include(p => p.PriorTherapies).Include(p => p.ClinicalMarkers).Include(p => p.DiseaseStatuses)
            .Include(p => p.Reports).ThenInclude(r => r.Specimen)
            .Include(p => p.Reports).ThenInclude(r => r.Alterations)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == patientId);
        var bundle = await db.IngestedBundles.AsNoTracking().SingleAsync(b => b.PatientId == patientId);
        var evaluation = await db.Evaluations.AsNoTracking().SingleAsync(e => e.PatientId == patientId);
        var recommendation = await db.Recommendations.AsNoTracking().SingleAsync(r => r.PatientId == patientId);
        return new PatientGraph(patient, bundle, patient.Reports.Single(), evaluation, recommendation, Audit("unused"))
        {
            Latest = await db.LatestTrialRecommendations.AsNoTracking().SingleAsync(r => r.PatientId == patientId),
        };
    }
}
