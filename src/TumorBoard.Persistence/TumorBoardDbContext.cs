using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence;

/// <summary>
/// The service's database. Add a migration with:
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/TumorBoard.Persistence --startup-project src/TumorBoard.Persistence</c>
/// (the design-time factory needs no running database).
/// </summary>
public sealed class TumorBoardDbContext(DbContextOptions<TumorBoardDbContext> options) : DbContext(options)
{
    public DbSet<PatientEntity> Patients => Set<PatientEntity>();

    public DbSet<PatientIdentifierEntity> PatientIdentifiers => Set<PatientIdentifierEntity>();

    public DbSet<IngestedBundleEntity> IngestedBundles => Set<IngestedBundleEntity>();

    public DbSet<ReportEntity> Reports => Set<ReportEntity>();

    public DbSet<ReportVersionEntity> ReportVersions => Set<ReportVersionEntity>();

    public DbSet<SpecimenEntity> Specimens => Set<SpecimenEntity>();

    public DbSet<ConditionEntity> Conditions => Set<ConditionEntity>();

    public DbSet<PriorTherapyEntity> PriorTherapies => Set<PriorTherapyEntity>();

    public DbSet<AlterationEntity> Alterations => Set<AlterationEntity>();

    public DbSet<EvaluationEntity> Evaluations => Set<EvaluationEntity>();

    public DbSet<RecommendationEntity> Recommendations => Set<RecommendationEntity>();

    public DbSet<LatestTrialRecommendationEntity> LatestTrialRecommendations => Set<LatestTrialRecommendationEntity>();

    public DbSet<ReviewEntity> Reviews => Set<ReviewEntity>();

    public DbSet<SignOffEntity> SignOffs => Set<SignOffEntity>();

    public DbSet<AuditEventEntity> AuditEvents => Set<AuditEventEntity>();

    public DbSet<ArmStatusEntity> ArmStatuses => Set<ArmStatusEntity>();

    public DbSet<ClinicalMarkerEntity> ClinicalMarkers => Set<ClinicalMarkerEntity>();

    public DbSet<ArmStatusChangeEntity> ArmStatusChanges => Set<ArmStatusChangeEntity>();

    public DbSet<DiseaseStatusEntity> DiseaseStatuses => Set<DiseaseStatusEntity>();

    public DbSet<JobEntity> Jobs => Set<JobEntity>();

    public DbSet<TrialVersionEntity> TrialVersions => Set<TrialVersionEntity>();

    public DbSet<SubscriptionEntity> Subscriptions => Set<SubscriptionEntity>();

    public DbSet<OutboxMessageEntity> OutboxMessages => Set<OutboxMessageEntity>();

    public DbSet<DeliveryAttemptEntity> DeliveryAttempts => Set<DeliveryAttemptEntity>();

    /// <summary>PostgreSQL's timestamptz stores instants; FHIR times arrive with any offset, so they are stored as UTC.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TumorBoardDbContext).Assembly);
    }
}
