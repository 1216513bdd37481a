using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessageEntity>
{
    public void Configure(EntityTypeBuilder<OutboxMessageEntity> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(m => m.EventId).IsUnique();
        builder.Property(m => m.Type).HasMaxLength(64);
        builder.Property(m => m.State).HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasOne<SubscriptionEntity>().WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        // The sender's claim: the oldest pending message of each subscription that is due. Partial, so delivered
        // history does not grow it.
        builder.HasIndex(m => new { m.SubscriptionId, m.Id }).HasDatabaseName("ix_outbox_messages_pending").HasFilter("state = 'pending'");
        builder.HasIndex(m => m.NextAttemptAt).HasDatabaseName("ix_outbox_messages_due").HasFilter("state = 'pending'");
        // A subscription's deliveries, newest first.
        builder.HasIndex(m => new { m.SubscriptionId, m.CreatedAt });
    }
}
