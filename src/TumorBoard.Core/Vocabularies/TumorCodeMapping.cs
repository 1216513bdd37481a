namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// One diagnosis code mapped to an OncoTree node. <paramref name="Topography"/> is the ICD-O-3 topography the
/// code implies (e.g. <c>C34</c> for "adenocarcinoma of lung", <c>C44</c> skin for ICD-10-CM C43 melanoma), so
/// a morphology can refine it; null when the code implies no single site. When the topography equals the code,
/// the code's subcodes share ICD-O-3 numbering (ICD-10-CM C18.1 appendix = ICD-O-3 C18.1).
/// </summary>
public sealed record TumorCodeMapping(string System, string Code, string OncotreeCode, string? Topography = null);

/// <summary>
/// An ICD-O-3 morphology (e.g. <c>8140/3</c>) that refines a site to an OncoTree node: at topography
/// <paramref name="Topography"/> (a prefix, e.g. <c>C34</c>), or at any site when it is null (GIST).
/// </summary>
public sealed record MorphologyRule(string? Topography, string Morphology, string OncotreeCode);

/// <summary>A morphology code of another system (a SNOMED CT morphologic abnormality) meaning an ICD-O-3 morphology.</summary>
public sealed record MorphologyEquivalent(string System, string Code, string IcdO3Morphology);
