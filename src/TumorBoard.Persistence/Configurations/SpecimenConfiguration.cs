using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class SpecimenConfiguration : IEntityTypeConfiguration<SpecimenEntity>
{
    public void Configure(EntityTypeBuilder<SpecimenEntity> builder)
    {
        // The reader refuses a purity outside 0..1; the constraint keeps any other writer honest.
        builder.ToTable("specimens", t => t.HasCheckConstraint("ck_specimens_purity", "purity IS NULL OR (purity >= 0 AND purity <= 1)"));
        builder.Property(s => s.Role).HasMaxLength(16);
        builder.Property(s => s.Purity).HasPrecision(7, 6);
        builder.Property(s => s.PuritySource).HasMaxLength(256);
        builder.HasIndex(s => s.PatientId);
        builder.HasOne<PatientEntity>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
