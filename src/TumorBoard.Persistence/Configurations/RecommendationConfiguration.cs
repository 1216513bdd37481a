using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<RecommendationEntity>
{
    public void Configure(EntityTypeBuilder<RecommendationEntity> builder)
    {
        builder.ToTable("recommendations");
        builder.HasIndex(r => r.EvaluationId);
        // A page of an arm list in patient order, read from the index alone, stopping at the page: without it
        // every page fetched and sorted all of the arm's rows (payload included) - 100-300 ms for a 34,000-patient arm.
        // Trial rows only (every query names a trial, which implies it): therapy rows, 39% of the rows, no longer pay for it.
        // The arm lists' totals come from arm_list_counts (ArmListCounts), so no (trial, arm, status) index is kept for counting.
        builder.HasIndex(r => new { r.TrialId, r.ArmId, r.PatientId }).IncludeProperties(r => new { r.Status, r.Id }).HasFilter("is_latest AND trial_id IS NOT NULL");
        // Every evaluation first clears the patient's latest flags (PatientEvaluator, Rematcher); without this
        // index that UPDATE scans the whole table, once per ingestion and once per re-match batch.
        builder.HasIndex(r => r.PatientId).HasFilter("is_latest");
        // json, not jsonb: nothing queries inside it (the arm status has its own column), so the server stores the text
        // as written instead of converting it on every re-match's COPY.
        builder.Property(r => r.Payload).HasColumnType("json");
        builder.HasOne<EvaluationEntity>().WithMany().HasForeignKey(r => r.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
