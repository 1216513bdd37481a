using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class ArmStatusChangeConfiguration : IEntityTypeConfiguration<ArmStatusChangeEntity>
{
    public void Configure(EntityTypeBuilder<ArmStatusChangeEntity> builder)
    {
        builder.ToTable("arm_status_changes");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.FromStatus).HasMaxLength(16);
        builder.Property(a => a.ToStatus).HasMaxLength(16);
        builder.Property(a => a.ChangedBy).HasMaxLength(128);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.HasIndex(a => new { a.TrialId, a.ArmId, a.ChangedAt });
        builder.HasIndex(a => a.ChangedAt);
    }
}
