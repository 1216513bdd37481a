using TumorBoard.Core.Trials.Criteria;
using TumorBoard.KnowledgeBase.Json;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>Reads a <c>genomic</c> criterion: a biomarker matcher (the rules' closed vocabulary), the sample it must come from, and its origin.</summary>
internal sealed class GenomicCriterionParser(NodeReader reader, decimal? defaultAmplificationCopyNumber)
{
    private readonly MatcherParser _matchers = new(reader, defaultAmplificationCopyNumber);

    public GenomicCriterion? Parse(LineObject node)
    {
        reader.OnlyProperties(node, "biomarker", "sample", "origin");
        var matcher = reader.Object(node, "biomarker") is { } b ? _matchers.ParseTop(b) : null;
        var sampleText = reader.String(node, "sample", required: false) ?? "any";
        SampleScope? sample = sampleText switch
        {
            "any" => SampleScope.Any,
            "tissue" => SampleScope.Tissue,
            "primary" => SampleScope.Primary,
            "metastasis" => SampleScope.Metastasis,
            "ctdna" => SampleScope.Ctdna,
            _ => null,
        };
        if (sample is null)
        {
            reader.Error(node["sample"]!.Line, $"sample '{sampleText}' must be any, tissue, primary, metastasis or ctdna");
        }

        var origin = OriginParser.Parse(reader, node);

        return matcher is null || sample is null || origin is null ? null : new GenomicCriterion(matcher, sample.Value, origin.Value);
    }
}
