using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Persistence.Configurations;

internal sealed class PatientIdentifierConfiguration : IEntityTypeConfiguration<PatientIdentifierEntity>
{
    public void Configure(EntityTypeBuilder<PatientIdentifierEntity> builder)
    {
        builder.ToTable("patient_identifiers");
        builder.HasIndex(i => new { i.System, i.Value }).IsUnique();
    }
}
