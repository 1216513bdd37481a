using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class LatestTrialRecommendationConfiguration : IEntityTypeConfiguration<LatestTrialRecommendationEntity>
{
    public void Configure(EntityTypeBuilder<LatestTrialRecommendationEntity> builder)
    {
        builder.ToTable("latest_trial_recommendations");
        // A single-column key keeps the rows on TrackedChangesWriter's path at ingestion (it leaves composite keys to
        // SaveChanges). No foreign key to recommendations: its per-row check would lock each new wide row (FOR KEY
        // SHARE) during a re-match's COPY; recommendations and evaluations are append-only, so the id cannot dangle.
        builder.HasKey(r => r.RecommendationId);
        builder.Property(r => r.RecommendationId).ValueGeneratedNever();
        // Every evaluation first deletes the patient's previous rows (LatestRecommendations.ClearSql).
        builder.HasIndex(r => r.PatientId);
        // A page of an arm list in patient order from the index alone, stopping at the page (and the cursor's start);
        // the arm-scoped re-match walks it too. Totals come from arm_list_counts (ArmListCounts), not from counting here.
        builder.HasIndex(r => new { r.TrialId, r.ArmId, r.PatientId }).IncludeProperties(r => new { r.Status, r.RecommendationId });
    }
}
