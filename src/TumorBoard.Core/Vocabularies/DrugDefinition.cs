namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// One drug: its lower-case INN, the classes trial criteria and rules refer to (e.g. <c>egfr-tki</c>,
/// <c>aromatase-inhibitor</c>), the other names text may use (brands, code names, USAN spellings) and its
/// RxNorm codes (ingredient and any other concept verified to mean this drug).
/// </summary>
public sealed record DrugDefinition(string Inn, IReadOnlyList<string> Classes, IReadOnlyList<string> Names, IReadOnlyList<string> RxnormCodes);
