using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.LoadTest.Reporting;
using TumorBoard.LoadTest.Scenarios;

namespace TumorBoard.LoadTest.Trials;

/// <summary>
/// <c>trials-bench [--connection none]</c>: stores a synthetic cohort (100,000 patients by default), times
/// full re-matches through the service's Rematcher, breaks one down by stage, then times the coordinator
/// arm query over HTTP and EXPLAINs it.
/// </summary>
public static class TrialsBenchCommand
{
    public static async Task<int> RunAsync(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var patients = args.Number("patients", 100_000);
        var batchSize = args.Number("batch-size", new RematchOptions().BatchSize);
        var requests = args.Number("requests", 200);
        var seed = args.Number("seed", 5);
        var ct = CancellationToken.None;
        MachineInfo.PrintHeader($"Trials benchmark: {patients:N0} patients, re-match batch size {batchSize}");

        var knowledge = Knowledge.LoadEmbedded();
        var factory = new PatientCaseFactory(seed, DateTimeOffset.UtcNow.Date);
        var templates = CohortTemplates.Build(knowledge, factory, perProfile: 6);
        Console.WriteLine($"{ClinicalProfiles.All.Count} clinical profiles, {templates.Values.Sum(t => t.Count)} templates read by GenomicBundleReader " +
            $"({templates.Values.SelectMany(t => t).Sum(t => t.Warnings.Count)} warnings, {templates.Values.SelectMany(t => t).Count(t => t.Parsed.Markers.Count > 0)} with pathology markers).");

        await using var database = await BenchDatabase.OpenAsync(args.Text("connection", "none"), ct);
        Console.WriteLine($"Database: {database.Description}, PostgreSQL {await database.ServerVersionAsync()}.");
        Console.WriteLine();
        CohortLoad load;
        await using (var db = database.CreateContext())
        {
            load = await CohortLoader.LoadAsync(db, templates, factory, patients, ct);
        }

        new MarkdownTable("bulk load (binary COPY)", "patients", "reports", "alterations", "time (s)", "load average after")
            .Add("cohort", load.Patients.ToString("N0", CultureInfo.InvariantCulture), load.Reports.ToString("N0", CultureInfo.InvariantCulture),
                load.Alterations.ToString("N0", CultureInfo.InvariantCulture), Seconds(load.Elapsed), MachineInfo.LoadAverage())
            .Print();

        await using var host = await BenchHost.StartAsync(database.ConnectionString);
        var rematcher = host.Services.GetRequiredService<Rematcher>();
        var cpu = await ServerCpu.OpenAsync(database.ConnectionString);
        var runs = new MarkdownTable("re-match run", "patients", "batches", "time (s)", "patients/s", "CPU s: bench process (service)", "CPU s: PostgreSQL",
            "load average before", "load average after");
        await TimeRunAsync(runs, cpu, "1. first evaluation of every patient (none evaluated yet)", rematcher, batchSize);

        using (var coordinator = await host.ClientAsync("trials"))
        {
            using var patch = await coordinator.PatchAsJsonAsync("/api/trials/Lung-MAP/arms/S1400B", new { status = "open" });
            patch.EnsureSuccessStatusCode();
        }

        await TimeRunAsync(runs, cpu, "2. arm status change (PATCH Lung-MAP/S1400B open): its listed patients, trial part only", rematcher, batchSize);
        // A new knowledge base makes every latest evaluation stale; the bench says so by giving them another hash
        // (evaluations are append-only: the trigger is lifted for this one statement on the throwaway database).
        await CohortStats.ExecuteAsync(database.ConnectionString, """
            ALTER TABLE evaluations DISABLE TRIGGER USER;
            UPDATE evaluations SET knowledge_base_hash = 'previous-knowledge-base' WHERE id IN (SELECT latest_evaluation_id FROM patients);
            ALTER TABLE evaluations ENABLE TRIGGER USER;
            """);
        await TimeRunAsync(runs, cpu, "3. full re-evaluation after a knowledge-base change (every patient)", rematcher, batchSize);
        await TimeRunAsync(runs, cpu, "4. nothing stale: one pass of the stale-patient query", rematcher, batchSize);
        runs.Print();

        // What autovacuum does within minutes of a re-match; makes the plans and timings below repeatable.
        var vacuum = Stopwatch.StartNew();
        await CohortStats.ExecuteAsync(database.ConnectionString, "VACUUM ANALYZE");
        Console.WriteLine($"VACUUM ANALYZE after the re-match runs: {Seconds(vacuum.Elapsed)} s. Everything below ran after it.");
        Console.WriteLine();

        await PrintCohortAsync(database.ConnectionString);
        Console.WriteLine($"Plan of the latest rows' clear (DELETE of the narrow rows) for one batch of {batchSize} patients:");
        Console.WriteLine("```");
        Console.WriteLine(await LatestFlagPlan.ExplainAsync(database.ConnectionString, batchSize));
        Console.WriteLine("```");
        var stages = await RematchProfiler.ProfileAsync(host.Services, batchSize, batches: 10, ct);
        var profile = new MarkdownTable("stage (replayed batches, rolled back)", "patients", "time (s)", "per patient (ms)", "projected for 100,000 patients (s)", "bench CPU per patient (ms)");
        foreach (var (stage, time, stageCpu, count) in stages.Stages)
        {
            var perPatient = time.TotalMilliseconds / Math.Max(1, count);
            var cpuPerPatient = stageCpu.TotalMilliseconds / Math.Max(1, count);
            profile.Add(stage, count, Seconds(time), perPatient.ToString("0.000", CultureInfo.InvariantCulture), (perPatient * 100).ToString("0", CultureInfo.InvariantCulture),
                cpuPerPatient.ToString("0.000", CultureInfo.InvariantCulture));
        }

        Console.WriteLine($"Re-match stages over {stages.Patients:N0} patients ({stages.Patients / batchSize} batches of {batchSize}):");
        profile.Print();
        // The replay's rolled-back rows cleared the visibility bits of the pages it touched; autovacuum would set them
        // again, and the arm pages below should not pay index-only scans' heap fetches for a benchmark artefact.
        await CohortStats.ExecuteAsync(database.ConnectionString, "VACUUM recommendations, latest_trial_recommendations");

        await BenchArmQueryAsync(host, database.ConnectionString, requests);
        Console.WriteLine($"Finished {DateTimeOffset.UtcNow:HH:mm} UTC, load average {MachineInfo.LoadAverage()}.");
        return 0;
    }

    /// <summary>One run: wall time, and the CPU seconds it took (comparable between runs on a shared machine, unlike wall time).</summary>
    private static async Task TimeRunAsync(MarkdownTable table, ServerCpu cpu, string name, Rematcher rematcher, int batchSize)
    {
        var before = MachineInfo.LoadAverage();
        var (benchBefore, serverBefore) = cpu.Now();
        var clock = Stopwatch.StartNew();
        var run = await rematcher.RunAsync(batchSize, CancellationToken.None);
        clock.Stop();
        var (benchAfter, serverAfter) = cpu.Now();
        table.Add(name, run.Patients.ToString("N0", CultureInfo.InvariantCulture), run.Batches, Seconds(clock.Elapsed),
            run.Patients == 0 ? "-" : (run.Patients / clock.Elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture),
            (benchAfter - benchBefore).ToString("0.0", CultureInfo.InvariantCulture),
            serverAfter - serverBefore is { } server ? server.ToString("0.0", CultureInfo.InvariantCulture) : "-",
            before, MachineInfo.LoadAverage());
    }

    private static async Task PrintCohortAsync(string connectionString)
    {
        var arms = await CohortStats.ArmsAsync(connectionString);
        var patients = await CohortStats.ScalarAsync(connectionString, "SELECT count(*) FROM patients");
        var listed = await CohortStats.ScalarAsync(connectionString,
            "SELECT count(DISTINCT patient_id) FROM latest_trial_recommendations WHERE status IN ('eligible', 'potential')");
        Console.WriteLine($"Patients listed on at least one arm (eligible or potential): {listed:N0} of {patients:N0} ({(double)listed / patients:0%}).");
        var table = new MarkdownTable("trial / arm", "eligible", "potential", "ineligible");
        foreach (var arm in arms)
        {
            table.Add($"{arm.TrialId} / {arm.ArmId}", arm.Eligible, arm.Potential, arm.Ineligible);
        }

        table.Print();
        var sizes = new MarkdownTable("table", "rows", "size (MB, with indexes and TOAST)");
        foreach (var (name, rows, bytes) in await CohortStats.TablesAsync(connectionString))
        {
            sizes.Add(name, rows.ToString("N0", CultureInfo.InvariantCulture), (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture));
        }

        sizes.Print();
    }

    private static async Task BenchArmQueryAsync(BenchHost host, string connectionString, int requests)
    {
        var arms = (await CohortStats.ArmsAsync(connectionString)).Where(a => a.Listed > 0).ToList();
        var chosen = arms.Take(3).Append(arms[arms.Count / 2]).Append(arms[^1]).DistinctBy(a => (a.TrialId, a.ArmId)).ToList();
        using var client = await host.ClientAsync("trials");
        var timings = await ArmQueryBench.MeasureAsync(client, chosen, requests, warmup: 20);
        var table = new MarkdownTable("arm", "listed patients", "reached by", "page", "items", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)");
        foreach (var t in timings)
        {
            table.Add($"{t.Arm.TrialId} / {t.Arm.ArmId}", t.Total, t.Mode, t.Page, t.Items, LatencySummary.Ms(t.Latency.P50), LatencySummary.Ms(t.Latency.P95),
                LatencySummary.Ms(t.Latency.P99), LatencySummary.Ms(t.Latency.Max));
        }

        // Keyset: the first page (no cursor) and every page reached by cursor; OFFSET: every page reached by number.
        foreach (var (label, rows) in new[]
        {
            ("**all requests, keyset (page 1 + cursor pages)**", timings.Where(t => t.Mode == "cursor" || t.Page == 1)),
            ("**all requests, page numbers (OFFSET)**", timings.Where(t => t.Mode == "page")),
        })
        {
            var all = LatencySummary.Of(rows.SelectMany(t => t.Samples).ToList());
            table.Add(label, "", "", "", all.Count, LatencySummary.Ms(all.P50), LatencySummary.Ms(all.P95), LatencySummary.Ms(all.P99), LatencySummary.Ms(all.Max));
        }

        Console.WriteLine($"Arm query over HTTP (in-process Kestrel on {host.Address}), {requests} sequential requests per row after 20 warm-up, page size 50:");
        table.Print();

        host.Sql.Enabled = true;
        await ArmQueryBench.GetAsync(client, ArmQueryBench.Url(chosen[0], 1));
        var lastPage = (int)((chosen[0].Listed + 49) / 50);
        await ArmQueryBench.GetAsync(client, ArmQueryBench.Url(chosen[0], lastPage));
        host.Sql.Enabled = false;
        var captured = host.Sql.Take().ToList();
        var lastCursor = (await ArmQueryBench.CursorsAsync(client, chosen[0], [lastPage]))[lastPage];
        host.Sql.Enabled = true;
        await ArmQueryBench.GetAsync(client, ArmQueryBench.CursorUrl(chosen[0], lastCursor));
        host.Sql.Enabled = false;
        captured.AddRange(host.Sql.Take());
        foreach (var (sql, plan) in await ArmQueryBench.ExplainAsync(connectionString, captured))
        {
            var indexes = ArmQueryBench.IndexesUsed(plan);
            Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS), {chosen[0].TrialId}/{chosen[0].ArmId}: indexes used: {(indexes.Count == 0 ? "none" : string.Join(", ", indexes))}; " +
                $"arm index {ArmQueryBench.ArmIndex} {(indexes.Contains(ArmQueryBench.ArmIndex) ? "USED" : "not used")}");
            Console.WriteLine("```sql");
            Console.WriteLine(sql);
            Console.WriteLine("```");
            Console.WriteLine("```");
            Console.Write(plan);
            Console.WriteLine("```");
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
