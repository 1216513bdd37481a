using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersionEntity>
{
    public void Configure(EntityTypeBuilder<ReportVersionEntity> builder)
    {
        builder.ToTable("report_versions");
        builder.HasIndex(v => new { v.ReportId, v.Version }).IsUnique();
        builder.HasOne<ReportEntity>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
