using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Evolution;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// A patient's evolution under the knowledge loaded now: the rules engine's findings say which alterations resist
/// which drugs (under the knowledge base's molecular-progression rules), the knowledge base gives the
/// clonal-haematopoiesis genes and the plasma limit of detection. Shared by the evaluation and the evolution view.
/// </summary>
public static class PatientEvolutions
{
    public static PatientEvolution Build(Knowledge knowledge, PatientSnapshot snapshot, RuleEvaluation findings) =>
        EvolutionBuilder.Build(Input(knowledge, snapshot, findings));

    /// <summary>The molecular progression of <see cref="Build(Knowledge, PatientSnapshot, RuleEvaluation)"/> alone: what an evaluation keeps of the evolution.</summary>
    public static MolecularProgression Progression(Knowledge knowledge, PatientSnapshot snapshot, RuleEvaluation findings) =>
        EvolutionBuilder.Progression(Input(knowledge, snapshot, findings));

    private static EvolutionInput Input(Knowledge knowledge, PatientSnapshot snapshot, RuleEvaluation findings)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(findings);
        var progression = knowledge.Rules.MolecularProgression;
        return new EvolutionInput(snapshot.Reports, snapshot.PriorTherapies)
        {
            Resistance = ResistanceLinks.From(findings.Therapies, progression),
            PairOptions = PairComparisonOptions.Default with { ClonalHematopoiesisGenes = knowledge.Rules.ClonalHaematopoiesis.Genes },
            LimitOfDetectionVaf = progression.LimitOfDetectionVaf,
            Purity = snapshot.Patient.Reports
                .Where(r => r.Specimen?.Purity is not null)
                .ToDictionary(r => r.Id.ToString(), r => r.Specimen!.Purity!.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>The evolution with the rules engine run on the snapshot as an evaluation runs it.</summary>
    public static PatientEvolution Build(Knowledge knowledge, PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(snapshot);
        return Build(knowledge, snapshot, knowledge.Engine.Evaluate(EvaluationBuilder.ProfileOf(snapshot, PatientSamples.From(snapshot.Reports))));
    }
}
