using System.Globalization;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Tests.Pairs;

/// <summary>Builders for alterations and report snapshots, so each test states only the facts it is about.</summary>
internal static class PairFixtures
{
    public static Alteration Snv(string gene, string change, decimal? vaf, VariantOrigin origin = VariantOrigin.Unknown) =>
        new() { Key = $"{gene} {change}", Gene = gene, Kind = AlterationKind.Snv, Vaf = vaf, Origin = origin };

    public static Alteration Indel(string gene, string change, decimal? vaf) =>
        new() { Key = $"{gene} {change}", Gene = gene, Kind = AlterationKind.Indel, Vaf = vaf };

    public static Alteration Amplification(string gene, decimal copyNumber) =>
        new() { Key = $"{gene} amplification", Gene = gene, Kind = AlterationKind.Cna, CnaCall = CnaCall.Amplification, CopyNumber = copyNumber };

    public static Alteration Fusion(string fivePrime, string threePrime) =>
        new() { Key = $"{fivePrime}::{threePrime}", Gene = threePrime, Kind = AlterationKind.Fusion, FusionGenes = [fivePrime, threePrime] };

    public static Alteration Tmb(decimal mutationsPerMegabase) =>
        new() { Key = "TMB", Gene = string.Empty, Kind = AlterationKind.Tmb, Value = mutationsPerMegabase };

    public static Alteration Msi(string status) =>
        new() { Key = status, Gene = string.Empty, Kind = AlterationKind.Msi };

    public static ReportSnapshot Report(string id, SpecimenRole role, string collected, params Alteration[] alterations) =>
        new(id, role, Date(collected), Date(collected).AddDays(10), alterations, PanelGenes: null);

    public static ReportSnapshot Panel(this ReportSnapshot report, params string[] genes) => report with { PanelGenes = genes };

    public static DateTimeOffset Date(string isoDate) =>
        DateTimeOffset.Parse(isoDate + "T00:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>Decimals cannot be attribute arguments; theories pass them as invariant strings.</summary>
    public static decimal Dec(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    public static ComparedAlteration Entry(this PairComparison comparison, string key) =>
        Assert.Single(comparison.Alterations, a => a.Key == key);
}
