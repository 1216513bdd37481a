using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class SpecimenConfiguration : IEntityTypeConfiguration<SpecimenEntity>
{
    public void Configure(EntityTypeBuilder<SpecimenEntity> builder)
    {
        builder.ToTable("specimens");
        builder.Property(s => s.Role).HasMaxLength(16);
        builder.HasIndex(s => s.PatientId);
        builder.HasOne<PatientEntity>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
