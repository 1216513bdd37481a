using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class AlterationConfiguration : IEntityTypeConfiguration<AlterationEntity>
{
    public void Configure(EntityTypeBuilder<AlterationEntity> builder)
    {
        builder.ToTable("alterations");
        builder.HasIndex(a => a.PatientId);
        builder.HasIndex(a => new { a.Gene, a.Key });
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.Property(a => a.Origin).HasMaxLength(16);
        builder.Property(a => a.CnaCall).HasMaxLength(16);
        builder.Property(a => a.ProteinJson).HasColumnType("jsonb");
        builder.Property(a => a.CopyNumber).HasPrecision(9, 3);
        builder.Property(a => a.Value).HasPrecision(12, 4);
        builder.Property(a => a.Vaf).HasPrecision(7, 5);
    }
}
