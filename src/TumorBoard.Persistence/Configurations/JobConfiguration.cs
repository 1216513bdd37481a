using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<JobEntity>
{
    public void Configure(EntityTypeBuilder<JobEntity> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasMaxLength(32);
        builder.Property(j => j.Status).HasMaxLength(16);
        builder.Property(j => j.Reason).HasMaxLength(64);
        builder.Property(j => j.RequestedBy).HasMaxLength(256);
        builder.Property(j => j.Owner).HasMaxLength(256);
        builder.Property(j => j.KnowledgeBaseHash).HasMaxLength(64);
        builder.Property(j => j.TrialsHash).HasMaxLength(64);
        builder.Property(j => j.TrialId).HasMaxLength(64);
        builder.Property(j => j.ArmId).HasMaxLength(64);
        // Workers look for the oldest unfinished job of a kind.
        builder.HasIndex(j => new { j.Kind, j.Status, j.CreatedAt });
    }
}
