using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class ArmStatusConfiguration : IEntityTypeConfiguration<ArmStatusEntity>
{
    public void Configure(EntityTypeBuilder<ArmStatusEntity> builder)
    {
        builder.ToTable("arm_statuses");
        builder.HasKey(a => new { a.TrialId, a.ArmId });
        builder.Property(a => a.Status).HasMaxLength(16);
    }
}
