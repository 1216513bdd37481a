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
        // Insert-only (an append-only trigger refuses UPDATE and DELETE): which rows are a patient's latest is kept in
        // latest_trial_recommendations (trial rows; LatestTrialRecommendationConfiguration), and for every kind it is
        // the rows of patients.latest_evaluation_id. The arm index and the latest-patient index moved there.
        // json, not jsonb: nothing queries inside it (the arm status has its own column), so the server stores the text
        // as written instead of converting it on every re-match's COPY.
        builder.Property(r => r.Payload).HasColumnType("json");
        builder.HasOne<EvaluationEntity>().WithMany().HasForeignKey(r => r.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
