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
        // Coordinators' arm lists read the latest evaluation's matches per arm and status.
        builder.HasIndex(r => new { r.TrialId, r.ArmId, r.Status }).HasFilter("is_latest");
        builder.Property(r => r.Payload).HasColumnType("jsonb");
        builder.HasOne<EvaluationEntity>().WithMany().HasForeignKey(r => r.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}
