using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Trials;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.Fhir.Tests.Trials;

/// <summary>
/// A read bundle as the trial engine sees it, built the way the service's EvaluationBuilder builds it from the
/// stored patient: samples with their roles, therapies, markers, progression from the latest disease status,
/// birth date, and the shipped knowledge base's findings. Evaluated against the shipped trial packs.
/// </summary>
internal static class FhirTrialPatient
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    private static readonly Lazy<(RuleEngine Rules, TrialEngine Trials)> Engines = new(() =>
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        return (
            new RuleEngine(KnowledgeBaseLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs), vocabulary.OncoTree),
            new TrialEngine(TrialLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs), vocabulary.OncoTree));
    });

    public static TrialPatient From(ParsedBundle bundle)
    {
        var tumor = bundle.Diagnosis?.TumorType?.OncotreeCode;
        var markers = bundle.MarkerStatuses();
        var rules = Engines.Value.Rules.Evaluate(new PatientProfile
        {
            OncotreeCode = tumor,
            Alterations = bundle.Reports.SelectMany(r => r.Alterations).ToList(),
            PriorTherapies = bundle.PriorTherapies,
            ClinicalMarkers = markers,
        });
        var progression = DiseaseStatusFacts.Progression(bundle.DiseaseStatuses, Today);
        return new TrialPatient
        {
            OncotreeCode = tumor,
            Samples = bundle.Reports
                .Select((r, i) => new TrialSample($"report-{i}", r.Specimen?.Role ?? SpecimenRole.Unknown, r.Specimen?.CollectedAt ?? r.EffectiveAt, r.Alterations))
                .ToList(),
            PriorTherapies = bundle.PriorTherapies,
            Markers = markers,
            BirthDate = bundle.Patient?.BirthDate,
            BirthDateSource = "Patient.birthDate",
            Sex = bundle.Patient?.Sex,
            Facts = progression is { } p ? new Dictionary<ClinicalFact, bool> { [ClinicalFact.Progression] = p.Progression } : new Dictionary<ClinicalFact, bool>(),
            FactSources = progression is { } q ? new Dictionary<ClinicalFact, string> { [ClinicalFact.Progression] = q.Source } : new Dictionary<ClinicalFact, string>(),
            KnowledgeBaseMatches = KnowledgeBaseMatch.From(rules),
        };
    }

    public static TrialEvaluation Evaluate(ParsedBundle bundle) => Engines.Value.Trials.Evaluate(From(bundle), Today);

    /// <summary>The shipped arms of the given trials as <c>trial/arm</c>.</summary>
    public static IReadOnlyList<string> ShippedArms(IEnumerable<string> trials) =>
        Engines.Value.Trials.Catalog.Trials.Where(t => trials.Contains(t.Id, StringComparer.Ordinal)).SelectMany(t => t.Arms.Select(a => $"{t.Id}/{a.Id}")).ToList();
}
