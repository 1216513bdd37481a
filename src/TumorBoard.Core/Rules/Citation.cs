namespace TumorBoard.Core.Rules;

/// <summary>Kind of a rule's source; serialised lower-case as in the HTTP contract.</summary>
public enum CitationType
{
    Pmid,
    Fda,
    Nct,
    Url,
}

/// <summary>A source a rule rests on: a PubMed id, an FDA label reference, a ClinicalTrials.gov id or a URL.</summary>
/// <param name="Type">Kind of identifier.</param>
/// <param name="Id">The identifier (<c>27959700</c>, <c>NCT02151981</c>, a URL).</param>
/// <param name="Note">What in the source supports the rule (e.g. <c>CIViC EID1867, level A</c>), when useful.</param>
public sealed record Citation(CitationType Type, string Id, string? Note = null);
