using System.Text.Json;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Core.Pairs;

namespace TumorBoard.Api.Features.Comparison;

/// <summary>A patient's pair comparison with how its two reports were chosen and the picture's context (named samples, therapies).</summary>
public sealed record ComparedPair(PairComparison Comparison, PairBasis Basis, PairPlotContext Context)
{
    /// <summary>The comparison as the API's JSON (enum values in camelCase).</summary>
    public ComparisonDto ToDto() => new(
        Guid.Parse(Comparison.FromReportId),
        Guid.Parse(Comparison.ToReportId),
        Camel(Comparison.FromRole),
        Camel(Comparison.ToRole),
        Camel(Basis),
        Comparison.Concordance,
        Comparison.SharedCount,
        Comparison.ComparedCount,
        Comparison.Alterations.Select(a => new ComparedAlterationDto(
            a.Key, a.Gene, Camel(a.Kind), Camel(a.Status), a.VafFrom, a.VafTo, a.ValueFrom, a.ValueTo, a.Flags.Select(Camel).ToList())).ToList());

    /// <summary>The VAF-vs-VAF scatter picture (SVG).</summary>
    public string ToSvg() => PairScatterSvg.Render(Comparison, Context);

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
