using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TumorBoard.Api.Tests.Deployment;

/// <summary>
/// The invariants of deploy/k8s, checked on what <c>kubectl kustomize</c> renders for each overlay:
/// what a cluster would actually receive, not what the base files say.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => ["dev", "production"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_api_runs_at_least_two_replicas_and_the_autoscaler_never_goes_below_two(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var deployment = manifests.Named("Deployment", "tumorboard-api");
        Assert.True(Int(deployment["spec"]!["replicas"]) >= 2);
        var hpa = manifests.Named("HorizontalPodAutoscaler", "tumorboard-api");
        Assert.Equal("tumorboard-api", (string?)hpa["spec"]!["scaleTargetRef"]!["name"]);
        Assert.True(Int(hpa["spec"]!["minReplicas"]) >= 2);
        Assert.True(Int(hpa["spec"]!["maxReplicas"]) >= Int(hpa["spec"]!["minReplicas"]));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_api_is_probed_on_live_and_ready(string overlay)
    {
        var api = Container(RenderedManifests.Render(overlay).Named("Deployment", "tumorboard-api"), "api");
        Assert.Equal("/health/live", (string?)api["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/health/ready", (string?)api["readinessProbe"]!["httpGet"]!["path"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_has_requests_and_limits_runs_as_non_root_on_a_read_only_root_filesystem(string overlay)
    {
        var pods = RenderedManifests.Render(overlay).PodSpecs().ToList();
        Assert.Contains(pods, p => p.Owner == "Deployment/tumorboard-api");
        Assert.Contains(pods, p => p.Owner == "Job/tumorboard-migrate");
        foreach (var (owner, pod) in pods)
        {
            Assert.True(Bool(pod["securityContext"]?["runAsNonRoot"]), $"{owner}: pod runAsNonRoot");
            Assert.NotEqual("0", (string?)pod["securityContext"]?["runAsUser"]);
            foreach (var container in pod["containers"]!.AsArray().Select(c => c!.AsObject()))
            {
                var where = $"{owner}/{container["name"]}";
                foreach (var kind in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Assert.False(string.IsNullOrEmpty((string?)container["resources"]?[kind]?[resource]), $"{where}: {kind}.{resource}");
                    }
                }

                var security = container["securityContext"];
                Assert.True(Bool(security?["readOnlyRootFilesystem"]), $"{where}: readOnlyRootFilesystem");
                Assert.False(Bool(security?["allowPrivilegeEscalation"] ?? JsonValue.Create("true")), $"{where}: allowPrivilegeEscalation");
                Assert.Contains("ALL", security!["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Secrets_are_referenced_by_name_never_written_into_the_manifests(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        Assert.Empty(manifests.OfKind("Secret"));
        foreach (var (owner, pod) in manifests.PodSpecs())
        {
            foreach (var env in pod["containers"]!.AsArray().SelectMany(c => c!["env"]?.AsArray() ?? []).Select(e => e!.AsObject()))
            {
                var name = (string)env["name"]!;
                var value = (string?)env["value"];
                if (SecretName().IsMatch(name) && !name.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                {
                    Assert.True(value is null && env["valueFrom"]?["secretKeyRef"] is not null, $"{owner}: {name} must come from a Secret");
                }

                if (value is not null)
                {
                    AssertNoInlinePassword(value, $"{owner}: {name}");
                }
            }
        }

        foreach (var map in manifests.OfKind("ConfigMap"))
        {
            foreach (var (key, value) in map["data"]?.AsObject() ?? [])
            {
                Assert.False(SecretName().IsMatch(key), $"ConfigMap {map["metadata"]!["name"]}: {key} looks like a secret");
                AssertNoInlinePassword((string?)value ?? string.Empty, $"ConfigMap {key}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_api_writes_through_the_primary_service_and_only_database_clients_reach_postgres(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var cluster = manifests.Named("Cluster", "tumorboard-db");
        var deployment = manifests.Named("Deployment", "tumorboard-api");
        var connection = (string)Container(deployment, "api")["env"]!.AsArray().Single(e => (string?)e!["name"] == "ConnectionStrings__TumorBoard")!["value"]!;
        Assert.Contains($"Host={cluster["metadata"]!["name"]}-rw;", connection, StringComparison.Ordinal);

        var policy = manifests.Named("NetworkPolicy", "tumorboard-db");
        Assert.Equal("tumorboard-db", (string?)policy["spec"]!["podSelector"]!["matchLabels"]!["cnpg.io/cluster"]);
        var postgresSources = policy["spec"]!["ingress"]!.AsArray()
            .Where(rule => rule!["ports"]!.AsArray().Any(p => (string?)p!["port"] == "5432"))
            .SelectMany(rule => rule!["from"]!.AsArray())
            .Select(from => from!["podSelector"]?["matchLabels"]?.AsObject())
            .ToList();
        Assert.All(postgresSources, labels => Assert.NotNull(labels));
        var clientLabels = postgresSources.Select(l => l!).Where(l => !l.ContainsKey("cnpg.io/cluster")).ToList();
        var clientLabel = Assert.Single(Assert.Single(clientLabels));
        var apiPodLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!;
        Assert.Equal((string?)clientLabel.Value, (string?)apiPodLabels[clientLabel.Key]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Migrations_run_once_per_release_as_a_job_and_never_at_replica_start_up(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var job = manifests.Named("Job", "tumorboard-migrate");
        var migrate = job["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!;
        Assert.Equal(["migrate"], migrate["args"]!.AsArray().Select(a => (string?)a));
        var api = Container(manifests.Named("Deployment", "tumorboard-api"), "api");
        Assert.Equal((string?)api["image"], (string?)migrate["image"]);
        Assert.Contains("/", (string?)api["image"], StringComparison.Ordinal);

        var configMapName = (string)api["envFrom"]!.AsArray().Single()!["configMapRef"]!["name"]!;
        var settings = manifests.Named("ConfigMap", configMapName)["data"]!;
        Assert.Equal("false", (string?)settings["Database__MigrateOnStartup"]);
        Assert.Equal("Production", (string?)settings["ASPNETCORE_ENVIRONMENT"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_disruption_budget_service_and_ingress_all_point_at_the_api_pods(string overlay)
    {
        var manifests = RenderedManifests.Render(overlay);
        var podLabels = manifests.Named("Deployment", "tumorboard-api")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        bool Selects(JsonNode? selector) => selector!.AsObject().All(l => (string?)podLabels[l.Key] == (string?)l.Value);

        var pdb = manifests.Named("PodDisruptionBudget", "tumorboard-api");
        Assert.True(Selects(pdb["spec"]!["selector"]!["matchLabels"]));
        Assert.True(Int(pdb["spec"]!["minAvailable"]) >= 1);
        var service = manifests.Named("Service", "tumorboard-api");
        Assert.True(Selects(service["spec"]!["selector"]));
        var ingress = manifests.Named("Ingress", "tumorboard-api");
        var backends = ingress["spec"]!["rules"]!.AsArray().SelectMany(r => r!["http"]!["paths"]!.AsArray()).Select(p => (string?)p!["backend"]!["service"]!["name"]);
        Assert.All(backends, b => Assert.Equal("tumorboard-api", b));
        Assert.NotNull(ingress["spec"]!["tls"]);
    }

    [Fact]
    public void Production_postgres_has_three_instances_synchronous_replication_and_continuous_backups()
    {
        var manifests = RenderedManifests.Render("production");
        var cluster = manifests.Named("Cluster", "tumorboard-db");
        Assert.Equal("postgresql.cnpg.io/v1", (string?)cluster["apiVersion"]);
        var spec = cluster["spec"]!;
        Assert.Equal(3, Int(spec["instances"]));
        Assert.True(Int(spec["postgresql"]!["synchronous"]!["number"]) >= 1);
        Assert.Equal("required", (string?)spec["postgresql"]!["synchronous"]!["dataDurability"]);
        var store = spec["backup"]!["barmanObjectStore"]!;
        Assert.StartsWith("s3://", (string?)store["destinationPath"], StringComparison.Ordinal);
        Assert.NotNull(store["s3Credentials"]!["secretAccessKey"]!["name"]);
        var scheduled = Assert.Single(manifests.OfKind("ScheduledBackup"));
        Assert.Equal("tumorboard-db", (string?)scheduled["spec"]!["cluster"]!["name"]);
    }

    private static JsonObject Container(JsonObject owner, string name) =>
        owner["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single(c => (string?)c!["name"] == name)!.AsObject();

    private static int Int(JsonNode? node) => int.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture);

    private static bool Bool(JsonNode? node) => (string?)node == "true";

    /// <summary>A password in a connection string is only ever a $(VARIABLE) the kubelet fills from a Secret.</summary>
    private static void AssertNoInlinePassword(string value, string where)
    {
        foreach (Match match in PasswordInConnectionString().Matches(value))
        {
            Assert.True(Regex.IsMatch(match.Groups[1].Value, @"^\$\([A-Z_]+\)$"), $"{where}: inline password");
        }

        Assert.False(value.Contains("-----BEGIN", StringComparison.Ordinal), $"{where}: inline key material");
    }

    [GeneratedRegex("(password|secret|signingkey|signing_key|token|apikey)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("Password=([^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();
}
