using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<ReportEntity>
{
    public void Configure(EntityTypeBuilder<ReportEntity> builder)
    {
        builder.ToTable("reports");
        builder.HasIndex(r => new { r.IdentifierSystem, r.IdentifierValue }).IsUnique();
        builder.HasIndex(r => r.PatientId);
        builder.Property(r => r.Status).HasMaxLength(32);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.LabAnnotationsJson).HasColumnType("jsonb");
        builder.HasOne<IngestedBundleEntity>().WithMany().HasForeignKey(r => r.BundleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Specimen).WithMany().HasForeignKey(r => r.SpecimenId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Alterations).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
