using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class TrialVersionConfiguration : IEntityTypeConfiguration<TrialVersionEntity>
{
    public void Configure(EntityTypeBuilder<TrialVersionEntity> builder)
    {
        builder.ToTable("trial_versions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TrialId).HasMaxLength(64);
        builder.Property(t => t.Format).HasMaxLength(16);
        // json, not jsonb: the document is exported back as written (jsonb would reorder its keys).
        builder.Property(t => t.Document).HasColumnType("json");
        builder.Property(t => t.ContentHash).HasMaxLength(64);
        builder.Property(t => t.MediaType).HasMaxLength(64);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        // One row per version; the unique index also stops two concurrent imports claiming the same number.
        builder.HasIndex(t => new { t.TrialId, t.Version }).IsUnique();
    }
}
