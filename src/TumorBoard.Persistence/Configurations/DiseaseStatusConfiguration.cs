using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class DiseaseStatusConfiguration : IEntityTypeConfiguration<DiseaseStatusEntity>
{
    public void Configure(EntityTypeBuilder<DiseaseStatusEntity> builder)
    {
        builder.ToTable("disease_statuses");
        builder.Property(s => s.Status).HasMaxLength(32);
        builder.HasIndex(s => s.PatientId);
        builder.HasOne<PatientEntity>().WithMany(p => p.DiseaseStatuses).HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
