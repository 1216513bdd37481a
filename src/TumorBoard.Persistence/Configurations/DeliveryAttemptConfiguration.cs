using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttemptEntity>
{
    public void Configure(EntityTypeBuilder<DeliveryAttemptEntity> builder)
    {
        builder.ToTable("delivery_attempts");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Outcome).HasMaxLength(16);
        builder.Property(a => a.Error).HasMaxLength(1000);
        builder.HasOne<OutboxMessageEntity>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MessageId, a.Attempt });
    }
}
