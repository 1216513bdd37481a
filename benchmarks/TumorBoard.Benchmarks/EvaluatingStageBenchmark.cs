using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.ReadModels;
using TumorBoard.Api.Tests.Recommendations;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.LoadTest.Scenarios;

namespace TumorBoard.Benchmarks;

/// <summary>
/// Issue 12, session 7: the evaluating stage of an ingestion, in memory, for the load test's bundles: the evaluation
/// (<see cref="EvaluationBuilder.Build"/>: rules, CIViC layer, trial engine, evolution, the document) and its rows
/// (<see cref="EvaluationWriter.Rows"/>: the document's JSON, a payload per trial row, the audit details). The patients
/// are made as ingestion holds them before evaluating (<see cref="InMemoryIngestion"/>): "case mix" is the first 64 new
/// patients of the load test's seeded mix (its default seed), reported per evaluation; "one patient" is its most common
/// resistance case, an EGFR L858R lung adenocarcinoma with T790M acquired after erlotinib.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class EvaluatingStageBenchmark
{
    private const int MixSize = 64;
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 9, 30, 0, TimeSpan.Zero);
    private Knowledge _knowledge = null!;
    private TrialContext _trials = null!;
    private PatientSnapshot[] _mix = null!;
    private EvaluationDocument[] _mixDocuments = null!;
    private PatientSnapshot _egfr = null!;

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = Knowledge.LoadEmbedded();
        _trials = new TrialContext(new Dictionary<ArmKey, ArmStatus>(), new KnowledgeBaseStamp(_knowledge.Trials.Version, _knowledge.Trials.ContentHash));
        using var ingestion = new InMemoryIngestion();
        var factory = new PatientCaseFactory(20261129, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        _mix = Enumerable.Range(0, MixSize)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"LT-BENCH-{i:D7}"))
            .Select(id => PatientSnapshotLoader.FromPatient(ingestion.Apply(_knowledge, CaseBundles.ToJson(factory.Next(id, id)), Now)))
            .ToArray();
        _mixDocuments = _mix.Select(Build).ToArray();
        var egfr = ClinicalProfiles.All.Single(p => p.Name.StartsWith("LUAD EGFR L858R, T790M", StringComparison.Ordinal));
        _egfr = PatientSnapshotLoader.FromPatient(ingestion.Apply(_knowledge, CaseBundles.ToJson(factory.For(egfr, "LT-BENCH-EGFR", "LT-BENCH-EGFR")), Now));
        if (Build(_egfr).Trials.Count == 0 || _mixDocuments.Sum(d => d.Trials.Count) == 0)
        {
            throw new InvalidOperationException("The benchmark patients match no trial arm: not the load test's mix.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MixSize, Description = "Build + Rows, case mix (per evaluation)")]
    public int CaseMix()
    {
        var rows = 0;
        foreach (var snapshot in _mix)
        {
            rows += EvaluationWriter.Rows(Build(snapshot), Now, "system").Recommendations.Count;
        }

        return rows;
    }

    [Benchmark(OperationsPerInvoke = MixSize, Description = "Build, case mix (per evaluation)")]
    public int BuildOnly()
    {
        var trials = 0;
        foreach (var snapshot in _mix)
        {
            trials += Build(snapshot).Trials.Count;
        }

        return trials;
    }

    [Benchmark(OperationsPerInvoke = MixSize, Description = "Rows, case mix (per evaluation)")]
    public int RowsOnly()
    {
        var rows = 0;
        foreach (var document in _mixDocuments)
        {
            rows += EvaluationWriter.Rows(document, Now, "system").Recommendations.Count;
        }

        return rows;
    }

    [Benchmark(Description = "Build + Rows, one patient (EGFR T790M after erlotinib)")]
    public EvaluationRows OnePatient() => EvaluationWriter.Rows(Build(_egfr), Now, "system");

    private EvaluationDocument Build(PatientSnapshot snapshot) => EvaluationBuilder.Build(_knowledge, snapshot, _trials, Now, "ingestion");
}
