using System.Globalization;

namespace TumorBoard.Core.Rules.Civic;

/// <summary>
/// What a CIViC evidence item says, as imported: its id, CIViC's own level (A or B; one publication, not the
/// biomarker as a whole), significance, the CIViC disease it was stated for and the molecular profile.
/// </summary>
/// <param name="EvidenceId">CIViC evidence id (the number of EIDnnnn).</param>
/// <param name="Level">CIViC evidence level, <c>A</c> or <c>B</c>.</param>
/// <param name="Significance">CIViC significance, <c>Sensitivity/Response</c> or <c>Resistance</c>.</param>
/// <param name="Disease">CIViC disease name.</param>
/// <param name="Doid">Disease Ontology id of the disease, when CIViC gives one.</param>
/// <param name="MolecularProfile">CIViC molecular profile text (<c>EGFR T790M</c>).</param>
public sealed record CivicEvidence(int EvidenceId, string Level, string Significance, string Disease, string? Doid, string MolecularProfile)
{
    /// <summary><c>EID1867</c>.</summary>
    public string Eid => "EID" + EvidenceId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The item's permanent CIViC address.</summary>
    public string Url => "https://civicdb.org/links/evidence_items/" + EvidenceId.ToString(CultureInfo.InvariantCulture);
}
