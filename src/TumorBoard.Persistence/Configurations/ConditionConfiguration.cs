using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class ConditionConfiguration : IEntityTypeConfiguration<ConditionEntity>
{
    public void Configure(EntityTypeBuilder<ConditionEntity> builder)
    {
        builder.ToTable("conditions");
        builder.Property(c => c.Kind).HasMaxLength(16);
    }
}
