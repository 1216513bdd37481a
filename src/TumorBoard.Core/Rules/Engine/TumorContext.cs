using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>Outcome of checking a rule's tumour scope against the patient's tumour.</summary>
internal enum ScopeDecision
{
    OutOfScope,
    Exact,
    Ancestor,
    Agnostic,

    /// <summary>The tumour type is unknown (or only its site is), so a tumour-specific or solid-only scope cannot be decided.</summary>
    Undecidable,
}

/// <summary>
/// The patient's tumour resolved once per evaluation: canonical code, lineage and solid/liquid. A site-only
/// code (BOWEL) is evaluated as the site's dominant histology (COADREAD) and conservatively: a scope that
/// excludes any type at the site is out of scope (the patient may have it), and a scope listing a type under
/// the site that the assumed histology does not cover cannot be decided. Shared by the rules and trial engines.
/// </summary>
internal sealed class TumorContext
{
    private readonly OncoTree _oncoTree;
    private readonly IReadOnlyList<string> _lineage;

    public TumorContext(OncoTree oncoTree, string? code)
    {
        _oncoTree = oncoTree;
        var node = oncoTree.Find(code);
        if (node is not null && oncoTree.DominantHistology.TryGetValue(node.Code, out var assumed) && oncoTree.Find(assumed) is { } histology)
        {
            Site = node.Code;
            node = histology;
        }

        Code = node?.Code;
        _lineage = node is null ? [] : oncoTree.Lineage(node.Code);
        IsSolid = node is not null && oncoTree.IsSolid(node.Code);
    }

    /// <summary>Canonical OncoTree code (the assumed histology for a site-only code), or null when the tumour type is unknown.</summary>
    public string? Code { get; }

    /// <summary>The site-only code the patient was recorded with when <see cref="Code"/> is an assumed histology; else null.</summary>
    public string? Site { get; }

    public bool IsKnown => Code is not null;

    public bool IsSolid { get; }

    /// <summary>The caveat every finding carries when the histology was assumed; null otherwise.</summary>
    public string? AssumptionCaveat => Site is null
        ? null
        : $"histology not coded: the diagnosis gives only the site ({Site}); evaluated as {Code}, the dominant histology there, and rules or criteria excluding any tumour type at that site were not applied; confirm the histology";

    public ScopeDecision Decide(TumorScope scope)
    {
        if (!IsKnown)
        {
            return scope.Kind == TumorScopeKind.AllTumors && scope.Exclude.Count == 0 ? ScopeDecision.Agnostic : ScopeDecision.Undecidable;
        }

        foreach (var excluded in scope.Exclude)
        {
            if (InLineage(excluded) || UnderSite(excluded))
            {
                return ScopeDecision.OutOfScope;
            }
        }

        switch (scope.Kind)
        {
            case TumorScopeKind.AllTumors:
                return ScopeDecision.Agnostic;
            case TumorScopeKind.AllSolid:
                return IsSolid ? ScopeDecision.Agnostic : ScopeDecision.OutOfScope;
        }

        var decision = ScopeDecision.OutOfScope;
        foreach (var included in scope.Include)
        {
            if (string.Equals(included, Code, StringComparison.Ordinal))
            {
                return ScopeDecision.Exact;
            }

            if (InLineage(included))
            {
                decision = ScopeDecision.Ancestor;
            }
            else if (decision == ScopeDecision.OutOfScope && UnderSite(included))
            {
                // A type at the site that the assumed histology does not cover (rectal when colon is assumed): unknown.
                decision = ScopeDecision.Undecidable;
            }
        }

        return decision;
    }

    // True when the histology is only assumed and the code names a type at the recorded site, which the patient may have.
    private bool UnderSite(string code) => Site is not null && _oncoTree.IsSelfOrDescendantOf(code, Site);

    private bool InLineage(string code)
    {
        foreach (var ancestor in _lineage)
        {
            if (string.Equals(ancestor, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
