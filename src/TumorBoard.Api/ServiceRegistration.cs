using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.Auth;
using TumorBoard.Api.Features.Board;
using TumorBoard.Api.Features.Comparison;
using TumorBoard.Api.Features.Evolution;
using TumorBoard.Api.Features.Fhir;
using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.Features.Jobs;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Patients;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Features.Reviews;
using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.Features.TrialImport;
using TumorBoard.Api.Features.Trials;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api;

/// <summary>Everything the host wires: one place to read the service's composition.</summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddTumorBoard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        LoggingSetup.Configure(builder.Logging, builder.Configuration, builder.Environment);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var startupLogger = loggerFactory.CreateLogger("TumorBoard.Startup");

        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddTumorBoardProblemDetails();
        services.AddTumorBoardOpenApi();
        services.AddTumorBoardAuth(builder.Configuration);
        services.AddTumorBoardTelemetry(builder.Configuration);
        services.AddTumorBoardAuthErrors();
        services.AddBoard(builder.Configuration);
        services.AddValidatorsFromAssemblyContaining<DevTokenRequestValidator>(includeInternalTypes: true);
        services.AddTumorBoardDatabase(builder.Configuration, builder.Environment, startupLogger);
        services.AddKnowledge();
        services.Configure<IngestionOptions>(builder.Configuration.GetSection(IngestionOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<BundleStore>();
        services.AddScoped<PatientEvaluator>();
        services.AddScoped<TrialContextProvider>();
        // Each feature's queries and commands: what its endpoints and the board pages both call.
        services.AddScoped<AuditTrailQuery>();
        services.AddScoped<PairComparisonQuery>();
        services.AddScoped<PatientQuery>();
        services.AddScoped<ReviewCommand>();
        services.AddScoped<SignOffCommand>();
        services.AddScoped<TrialCatalogQuery>();
        services.AddScoped<ArmPatientsPageQuery>();
        services.AddScoped<ArmStatusCommand>();
        services.AddSingleton<TrialCatalogSync>();
        services.AddHostedService<TrialCatalogPoller>();
        services.Configure<RematchOptions>(builder.Configuration.GetSection(RematchOptions.Section));
        services.AddSingleton<RematchSignal>();
        services.AddSingleton<Rematcher>();
        services.AddSingleton<RematchJobs>();
        if (builder.Configuration.GetValue($"{RematchOptions.Section}:Enabled", true))
        {
            services.AddHostedService<RematchService>();
            services.AddHostedService<RematchNotifications>();
        }

        services.AddSubscriptions(builder.Configuration);
        return builder;
    }

    public static async Task UseTumorBoardAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.MigrateIfEnabledAsync();

        app.UseExceptionHandler();
        app.Use(DomainMetrics.CountIngestionAsync);
        app.UseStatusCodePages(StatusCodeBodies.HandleAsync);
        app.UseBoardAssets();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapTumorBoardOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevToken();
        }

        app.MapFhirMetadata();
        app.MapFhirRecommendations();
        app.MapIngestion();
        app.MapPatients();
        app.MapRecommendations();
        app.MapComparison();
        app.MapEvolution();
        app.MapReviews();
        app.MapAudit();
        app.MapTrials();
        app.MapCtml();
        app.MapKnowledgeBase();
        app.MapJobs();
        app.MapSubscriptions();
        app.MapBoard();
    }
}
