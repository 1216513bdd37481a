using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEventEntity>
{
    public void Configure(EntityTypeBuilder<AuditEventEntity> builder)
    {
        builder.ToTable("audit_events");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Details).HasColumnType("jsonb");
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.EntityType).HasMaxLength(32);
        builder.Property(a => a.Actor).HasMaxLength(128);
        builder.HasIndex(a => new { a.PatientId, a.Id });
        // A background job's events (GET /api/jobs/{id}); partial, so patient events do not grow it.
        builder.HasIndex(a => new { a.EntityId, a.Id }).HasDatabaseName("ix_audit_events_job").HasFilter("entity_type = 'job'");
    }
}
