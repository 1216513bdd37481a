namespace TumorBoard.Core.Vocabularies;

/// <summary>What the histology morphology did to the tumour type found from the diagnosis code.</summary>
public enum MorphologyOutcome
{
    /// <summary>No morphology was given.</summary>
    NotGiven,

    /// <summary>A site-specific rule refined the site (or confirmed it).</summary>
    Refined,

    /// <summary>A site-independent morphology (e.g. GIST) decided the tumour type.</summary>
    SiteIndependent,

    /// <summary>The morphology is known but no rule applies at this site; the site type stands.</summary>
    NoRule,

    /// <summary>The morphology points outside the diagnosis code's node (e.g. NSCLC + small cell); the code's type stands.</summary>
    Conflict,

    /// <summary>The morphology's system or code is not recognised; the site type stands.</summary>
    UnknownCode,
}

/// <summary>
/// The OncoTree code a diagnosis resolves to (null when unknown), the code from the diagnosis code alone, and
/// what the morphology did, so an adapter can report conflicts instead of silently picking one.
/// </summary>
public sealed record TumorTypeMatch(string? OncotreeCode, string? SiteOncotreeCode, MorphologyOutcome Morphology);
