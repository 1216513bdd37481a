using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<SubscriptionEntity>
{
    public void Configure(EntityTypeBuilder<SubscriptionEntity> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TrialId).HasMaxLength(128);
        builder.Property(s => s.ArmId).HasMaxLength(128);
        builder.Property(s => s.CallbackUrl).HasMaxLength(2048);
        builder.Property(s => s.Secret).HasMaxLength(256);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.DeactivatedBy).HasMaxLength(256);
        // Every evaluation that lists a patient on a new arm looks up the active subscriptions of its trials.
        builder.HasIndex(s => s.TrialId).HasFilter("active");
    }
}
