using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class IngestedBundleConfiguration : IEntityTypeConfiguration<IngestedBundleEntity>
{
    public void Configure(EntityTypeBuilder<IngestedBundleEntity> builder)
    {
        builder.ToTable("ingested_bundles");
        builder.HasIndex(b => b.PatientId);
        builder.HasOne<PatientEntity>().WithMany().HasForeignKey(b => b.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
