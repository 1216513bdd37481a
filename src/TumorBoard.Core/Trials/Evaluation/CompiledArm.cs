using TumorBoard.Core.Patients;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>An arm with the keys that can select it, computed once: gene index keys and IHC markers.</summary>
internal sealed class CompiledArm
{
    public CompiledArm(Trial trial, TrialArm arm, int trialIndex, int armIndex)
    {
        Trial = trial;
        Arm = arm;
        TrialIndex = trialIndex;
        ArmIndex = armIndex;
        var genes = new List<string>();
        var markers = new List<ClinicalMarker>();
        Triggers(arm.Selection, genes, markers);
        GeneKeys = genes.Distinct(StringComparer.Ordinal).ToArray();
        Markers = markers.Distinct().ToArray();
    }

    public Trial Trial { get; }

    public TrialArm Arm { get; }

    public int TrialIndex { get; }

    public int ArmIndex { get; }

    public string[] GeneKeys { get; }

    public ClinicalMarker[] Markers { get; }

    /// <summary>Considered for every patient: a non-match arm, or a CTML arm whose match names no biomarker.</summary>
    public bool AlwaysConsidered => Arm.IsNonMatch || (GeneKeys.Length == 0 && Markers.Length == 0);

    /// <summary>
    /// Keys at least one of which the patient must have for the selection to hold: an AND needs only its
    /// first part that has keys (every part must hold), an OR needs the keys of all its parts.
    /// </summary>
    private static void Triggers(TrialCriterion selection, List<string> genes, List<ClinicalMarker> markers)
    {
        switch (selection)
        {
            case GenomicCriterion genomic:
                genes.AddRange(genomic.Matcher.TriggerKeys);
                break;
            case MarkerCriterion marker:
                markers.Add(marker.Marker);
                break;
            case AnyCriteria any:
                any.Criteria.ToList().ForEach(c => Triggers(c, genes, markers));
                break;
            case AllCriteria all:
                foreach (var part in all.Criteria)
                {
                    var partGenes = new List<string>();
                    var partMarkers = new List<ClinicalMarker>();
                    Triggers(part, partGenes, partMarkers);
                    if (partGenes.Count + partMarkers.Count > 0)
                    {
                        genes.AddRange(partGenes);
                        markers.AddRange(partMarkers);
                        return;
                    }
                }

                break;
        }
    }
}
