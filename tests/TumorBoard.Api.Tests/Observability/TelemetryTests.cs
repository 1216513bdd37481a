using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Observability;

/// <summary>
/// Traces, metrics and logs as a collector would receive them (in-memory exporters in place of OTLP):
/// the ingestion's spans and the domain metrics exist, and no patient identifier is in any of them.
/// </summary>
public sealed class TelemetryTests : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Mrn = "MRN-OTEL-SECRET-4711";
    private const string Accession = "ACC-OTEL-SECRET-0815";
    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<Metric> _metrics = new();
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly DatabaseFixture _database;
    private readonly TelemetryApp _app;

    public TelemetryTests(DatabaseFixture database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _app = new TelemetryApp(database.ConnectionString, _spans, _metrics, _logs);
    }

    public Task InitializeAsync() => _database.ResetAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_ingestion_is_traced_as_parse_store_evaluate_commit_with_database_spans_and_no_identifier_anywhere()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Bundle")
        {
            Content = new StringContent(Bundle(), Encoding.UTF8, "application/fhir+json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await _app.Client(Roles.Ingest).SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var patientId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await _app.Client(Roles.Board).GetAsync($"/api/patients/{patientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client(Roles.Board).GetAsync($"/api/patients?identifier={Uri.EscapeDataString("urn:test:mrn|" + Mrn)}")).StatusCode);

        Flush();

        var trace = _spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
        var names = trace.Select(s => s.DisplayName).ToList();
        Assert.Contains("ingest.parse", names);
        var store = Assert.Single(trace, s => s.DisplayName == "ingest.store");
        Assert.Contains(trace, s => s.DisplayName == "ingest.evaluate" && s.ParentSpanId == store.SpanId);
        Assert.Contains(trace, s => s.DisplayName == "ingest.commit" && s.ParentSpanId == store.SpanId);
        Assert.Contains(trace, s => s.Source.Name == "Npgsql");
        Assert.Contains(trace, s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") as string == "/fhir/Bundle");

        string[] identifiers = [Mrn, Accession, patientId.ToString(), patientId.ToString("N")];
        foreach (var span in _spans.Snapshot())
        {
            var text = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            Assert.All(identifiers, id => Assert.DoesNotContain(id, text, StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(_logs, line => Assert.All(identifiers[..2], id => Assert.DoesNotContain(id, line, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Domain_metrics_count_ingested_and_rejected_bundles_by_reason_evaluations_and_arm_queries_with_no_identifier_labels()
    {
        var ingest = _app.Client(Roles.Ingest);
        Assert.Equal(HttpStatusCode.Created, (await ingest.PostAsync("/fhir/Bundle", new StringContent(Bundle(), Encoding.UTF8, "application/fhir+json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ingest.PostAsync("/fhir/Bundle", new StringContent("{", Encoding.UTF8, "application/fhir+json"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await ingest.PostAsync("/fhir/Bundle", new StringContent("x", Encoding.UTF8, "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client(Roles.Trials).GetAsync("/api/trials/Lung-MAP/arms/S1400B/patients")).StatusCode);

        Flush();

        var points = _metrics.Snapshot().SelectMany(Points).ToList();
        Assert.Contains(points, p => p.Name == "tumorboard.bundles.ingested" && p.Tags["outcome"] == "stored");
        Assert.Contains(points, p => p.Name == "tumorboard.bundles.rejected" && p.Tags["reason"] == "unparseable");
        Assert.Contains(points, p => p.Name == "tumorboard.bundles.rejected" && p.Tags["reason"] == "media-type");
        Assert.Contains(points, p => p.Name == "tumorboard.evaluations" && p.Tags["trigger"] == "ingestion");
        Assert.Contains(points, p => p.Name == "tumorboard.arm_queries" && p.Tags["arm"] == "S1400B");
        Assert.Contains(points, p => p.Name == "tumorboard.arm_queries.duration");
        Assert.Contains(points, p => p.Name == "http.server.request.duration");
        Assert.All(points.SelectMany(p => p.Tags.Values), value =>
        {
            Assert.DoesNotContain("MRN", value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ACC-", value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.False(Guid.TryParse(value, out _), $"a metric label holds an id: {value}");
        });
    }

    private static string Bundle() =>
        Cases.Patient(Mrn, "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
            .Report(new TestReport(Accession, TestSite.Lung, Cases.Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
            .ToJson();

    private void Flush()
    {
        _app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        _app.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    private static IEnumerable<(string Name, Dictionary<string, string?> Tags)> Points(Metric metric)
    {
        var points = new List<(string, Dictionary<string, string?>)>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, string?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value?.ToString();
            }

            points.Add((metric.Name, tags));
        }

        return points;
    }

    /// <summary>The service with telemetry on and in-memory exporters, and every log line captured.</summary>
    private sealed class TelemetryApp(string connectionString, LockedList<Activity> spans, LockedList<Metric> metrics, ConcurrentQueue<string> logs) : WebApplicationFactory<Program>
    {
        public HttpClient Client(string role)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Services.GetRequiredService<TokenIssuer>().Issue("telemetry-" + role, [role]));
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:TumorBoard", connectionString);
            builder.UseSetting("Rematch:Enabled", "false");
            builder.UseSetting("Telemetry:Enabled", "true");
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(logs)));
            builder.ConfigureServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            });
        }
    }

    /// <summary>The exporters add from the process's telemetry threads (every host in the test process is listened to) while a test reads.</summary>
    private sealed class LockedList<T> : System.Collections.ObjectModel.Collection<T>
    {
        private readonly Lock _lock = new();

        public List<T> Snapshot()
        {
            lock (_lock)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_lock)
            {
                base.InsertItem(index, item);
            }
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(lines);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
