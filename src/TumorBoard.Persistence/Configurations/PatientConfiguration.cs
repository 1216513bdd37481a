using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<PatientEntity>
{
    public void Configure(EntityTypeBuilder<PatientEntity> builder)
    {
        builder.ToTable("patients");
        builder.Property(p => p.Sex).HasMaxLength(16);
        builder.Property(p => p.TumorOncotreeCode).HasMaxLength(32);
        builder.HasMany(p => p.Identifiers).WithOne().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Reports).WithOne().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Conditions).WithOne().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.PriorTherapies).WithOne().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
