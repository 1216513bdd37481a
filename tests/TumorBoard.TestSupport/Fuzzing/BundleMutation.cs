namespace TumorBoard.TestSupport.Fuzzing;

/// <summary>One fuzzed body: which seed, which primitive (JSON path), how it was broken, and the text to post.</summary>
public sealed record BundleMutation(string Seed, string Path, MutationKind Kind, string Body)
{
    public override string ToString() => $"{Seed} {Path} {Kind}";
}
