using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Fhir;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.Benchmarks;

/// <summary>
/// The service's FHIR reader (Firely parse, then the walk that normalises every alteration, derives specimen roles,
/// hashes and stores each report's content) against Firely's parse alone, on the same two-report bundle: the demo
/// case of an EGFR lung primary and a liver metastasis with acquired T790M (19 kB). Issue 12's target: the reader
/// takes at most twice Firely's parse (the Ratio column).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class BundleReaderBenchmark
{
    private GenomicBundleReader _reader = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reader = new GenomicBundleReader(VocabularyLoader.LoadEmbedded());
        using var stream = typeof(BundleReaderBenchmark).Assembly.GetManifestResourceStream("TumorBoard.Benchmarks.two-report-bundle.json")
            ?? throw new InvalidOperationException("The benchmark bundle is not embedded.");
        using var text = new StreamReader(stream);
        _json = text.ReadToEnd();
        var read = _reader.Read(_json, FhirFormat.Json);
        if (read.IsMalformed || read.Bundle!.HasErrors || read.Bundle.Reports.Count != 2)
        {
            throw new InvalidOperationException("The benchmark bundle does not read as two clean reports.");
        }
    }

    [Benchmark(Baseline = true, Description = "Firely FhirJsonDeserializer.Deserialize<Bundle>")]
    public Bundle FirelyParse() => new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(_json);

    [Benchmark(Description = "GenomicBundleReader.Read (parse + normalise)")]
    public BundleReadResult Reader() => _reader.Read(_json, FhirFormat.Json);
}
