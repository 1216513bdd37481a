using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>Outcome of checking a rule's tumour scope against the patient's tumour.</summary>
internal enum ScopeDecision
{
    OutOfScope,
    Exact,
    Ancestor,
    Agnostic,

    /// <summary>The tumour type is unknown, so a tumour-specific or solid-only scope cannot be decided.</summary>
    Undecidable,
}

/// <summary>The patient's tumour resolved once per evaluation: canonical code, lineage and solid/liquid.</summary>
internal sealed class TumorContext
{
    private readonly IReadOnlyList<string> _lineage;

    public TumorContext(OncoTree oncoTree, string? code)
    {
        var node = oncoTree.Find(code);
        Code = node?.Code;
        _lineage = node is null ? [] : oncoTree.Lineage(node.Code);
        IsSolid = node is not null && oncoTree.IsSolid(node.Code);
    }

    /// <summary>Canonical OncoTree code, or null when the tumour type is unknown.</summary>
    public string? Code { get; }

    public bool IsKnown => Code is not null;

    public bool IsSolid { get; }

    public ScopeDecision Decide(TumorScope scope)
    {
        if (!IsKnown)
        {
            return scope.Kind == TumorScopeKind.AllTumors && scope.Exclude.Count == 0 ? ScopeDecision.Agnostic : ScopeDecision.Undecidable;
        }

        foreach (var excluded in scope.Exclude)
        {
            if (InLineage(excluded))
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
        }

        return decision;
    }

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
