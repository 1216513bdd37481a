namespace TumorBoard.TestSupport.Fuzzing;

/// <summary>The ways the fuzzer breaks one primitive of a valid bundle.</summary>
public enum MutationKind
{
    /// <summary>A string becomes a number, a number or boolean becomes a string.</summary>
    WrongJsonType,
    EmptyString,
    Null,
    HugeNumber,
    Negative,
    NaNLikeString,
    LongUnicodeString,
    DeeplyNestedObject,
    DuplicatedKey,
    Removed,
}
