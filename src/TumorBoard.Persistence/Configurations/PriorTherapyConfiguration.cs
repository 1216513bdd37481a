using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class PriorTherapyConfiguration : IEntityTypeConfiguration<PriorTherapyEntity>
{
    public void Configure(EntityTypeBuilder<PriorTherapyEntity> builder)
    {
        builder.ToTable("prior_therapies");
    }
}
