using FsCheck;
using FsCheck.Fluent;

namespace TumorBoard.Core.Tests.Alterations;

/// <summary>
/// FsCheck generators for the normalisers' property tests: any string FsCheck makes, plus strings shaped
/// like the notations labs send (HGVS p., fusion, copy-number words) with random, often absurd, parts,
/// so the properties reach the parsers' deep branches and not only their first rejection.
/// </summary>
public static class NormaliserProperties
{
    private static readonly string[] Residues = ["A", "L", "Leu", "Ter", "*", "X", "Glu", "M", "Met", "T", "Thr", "R", "Arg", "Q", "?", "="];
    private static readonly string[] Prefixes = ["", "p.", "p.(", "NP_005219.2:p.", "(", "P.", " p. "];
    private static readonly string[] Suffixes = ["", ")", "fs", "fsTer22", "fs*?", "del", "delELREA", "delinsKR", "dup", "insGL", "ext*17", "_splice", "Rfs*22", ">X", "delins", "X"];
    private static readonly string[] FusionParts = ["EML4", "ALK", "ROS1", "NKX2-1", "v", "?", "HER2", "PTC", "fusion", "Fusion", "rearrangement", "CD74", "FOO", "a-b", " ", "intergenic", "gene", "transcript", "KIF5B"];
    private static readonly string[] Separators = ["::", "-", "--", "/", " ", " :: ", "_", ":"];
    private static readonly string[] CnaWords = ["amplification", "Amplified", "amp", "gain", "loss", "deletion", "homozygous deletion", "heterozygous loss", "shallow", "deep loss", "copy number 0", "", "duplication", "LOSS", "HOMDEL"];

    /// <summary>Any string, or an HGVS-protein-like string with random residues, positions (huge ones too) and suffixes.</summary>
    public static Arbitrary<string> ProteinText() => Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>(),
            from prefix in Gen.Elements(Prefixes)
            from r1 in Gen.Elements(Residues)
            from p1 in Position()
            from range in Gen.OneOf(Gen.Constant(string.Empty), from r2 in Gen.Elements(Residues) from p2 in Position() select $"_{r2}{p2}")
            from alt in Gen.Elements(Residues)
            from suffix in Gen.Elements(Suffixes)
            select $"{prefix}{r1}{p1}{range}{alt}{suffix}")
        .ToArbitrary();

    /// <summary>Any string, or two or three fusion-ish parts joined by random separators.</summary>
    public static Arbitrary<string> FusionText() => Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>(),
            from a in Gen.Elements(FusionParts)
            from s1 in Gen.Elements(Separators)
            from b in Gen.Elements(FusionParts)
            from tail in Gen.OneOf(Gen.Constant(string.Empty), from s2 in Gen.Elements(Separators) from c in Gen.Elements(FusionParts) select s2 + c)
            select a + s1 + b + tail)
        .ToArbitrary();

    /// <summary>Any string, or a gene followed by copy-number words.</summary>
    public static Arbitrary<string> CnaText() => Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>(),
            from word in Gen.Elements(CnaWords)
            from gene in Gen.Elements("PTEN ", "ERBB2 ", "", "CDKN2A ")
            select gene + word)
        .ToArbitrary();

    /// <summary>Any decimal, including the extremes and values around the call thresholds.</summary>
    public static Arbitrary<decimal> CopyNumber() => Gen.OneOf(
            ArbMap.Default.GeneratorFor<decimal>(),
            Gen.Elements(decimal.MinValue, decimal.MaxValue, -1m, 0m, 0.49m, 0.5m, 1.49m, 1.5m, 2m, 2.49m, 2.5m, 5.99m, 6m, 1e20m),
            Gen.Choose(0, 20000).Select(i => i / 1000m))
        .ToArbitrary();

    private static Gen<string> Position() => Gen.OneOf(
        Gen.Choose(0, 5000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Elements("0858", "2147483647", "2147483648", "99999999999999999999", "1"));
}
