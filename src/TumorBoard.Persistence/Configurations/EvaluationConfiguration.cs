using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<EvaluationEntity>
{
    public void Configure(EntityTypeBuilder<EvaluationEntity> builder)
    {
        builder.ToTable("evaluations");
        builder.HasIndex(e => new { e.PatientId, e.EvaluatedAt });
        // json, not jsonb: the append-only document is only ever read whole, never queried inside.
        builder.Property(e => e.Document).HasColumnType("json");
        builder.Property(e => e.Trigger).HasMaxLength(32);
        builder.HasOne<PatientEntity>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
