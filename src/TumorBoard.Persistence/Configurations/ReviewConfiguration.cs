using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<ReviewEntity>
{
    public void Configure(EntityTypeBuilder<ReviewEntity> builder)
    {
        builder.ToTable("reviews");
        builder.Property(r => r.Decision).HasMaxLength(16);
        builder.HasIndex(r => new { r.EvaluationId, r.At });
        builder.HasIndex(r => r.RecommendationId);
        builder.HasOne<RecommendationEntity>().WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Restrict);
    }
}
