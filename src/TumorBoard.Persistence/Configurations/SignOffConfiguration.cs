using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class SignOffConfiguration : IEntityTypeConfiguration<SignOffEntity>
{
    public void Configure(EntityTypeBuilder<SignOffEntity> builder)
    {
        builder.ToTable("sign_offs");
        builder.HasKey(s => s.EvaluationId);
        builder.Property(s => s.UnreviewedRecommendationIds).HasDefaultValueSql("'{}'");
        builder.HasOne<EvaluationEntity>().WithOne().HasForeignKey<SignOffEntity>(s => s.EvaluationId).OnDelete(DeleteBehavior.Restrict);
    }
}
