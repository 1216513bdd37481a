using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class ClinicalMarkerConfiguration : IEntityTypeConfiguration<ClinicalMarkerEntity>
{
    public void Configure(EntityTypeBuilder<ClinicalMarkerEntity> builder)
    {
        builder.ToTable("clinical_markers");
        builder.Property(m => m.Marker).HasMaxLength(32);
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.HasIndex(m => m.PatientId);
        builder.HasOne<PatientEntity>().WithMany(p => p.ClinicalMarkers).HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
