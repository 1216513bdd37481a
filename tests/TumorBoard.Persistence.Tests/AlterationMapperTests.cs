using System.Text.Json;
using TumorBoard.Core.Alterations;
using TumorBoard.Persistence.Mapping;

namespace TumorBoard.Persistence.Tests;

public sealed class AlterationMapperTests
{
    private static readonly JsonSerializerOptions ReflectionWebOptions = new(JsonSerializerDefaults.Web);

    public static TheoryData<ProteinChange> ProteinChanges() => new()
    {
        new ProteinChange("T790M", ProteinChangeKind.Missense, 'T', 790, null, 790, "M"),
        new ProteinChange("E746_A750del", ProteinChangeKind.InframeDeletion, 'E', 746, 'A', 750, null),
        new ProteinChange("R1450*", ProteinChangeKind.Nonsense, 'R', 1450, null, 1450, "*"),
    };

    [Theory]
    [MemberData(nameof(ProteinChanges))]
    public void The_stored_protein_json_is_the_text_the_reflection_serialiser_wrote_before(ProteinChange protein)
    {
        ArgumentNullException.ThrowIfNull(protein);
        var alteration = new Alteration { Key = "EGFR " + protein.Text, Gene = "EGFR", Kind = AlterationKind.Snv, Protein = protein };

        var entity = AlterationMapper.ToEntity(alteration, Guid.NewGuid(), Guid.NewGuid(), 0);

        // Rows written by earlier versions hold this text; the content hashes and re-reads depend on it staying the same.
        Assert.Equal(JsonSerializer.Serialize(protein, ReflectionWebOptions), entity.ProteinJson);
    }

    [Theory]
    [MemberData(nameof(ProteinChanges))]
    public void A_protein_change_read_back_from_its_row_equals_the_one_written(ProteinChange protein)
    {
        ArgumentNullException.ThrowIfNull(protein);
        var alteration = new Alteration { Key = "EGFR " + protein.Text, Gene = "EGFR", Kind = AlterationKind.Snv, Protein = protein };

        var back = AlterationMapper.ToDomain(AlterationMapper.ToEntity(alteration, Guid.NewGuid(), Guid.NewGuid(), 0));

        Assert.Equal(protein, back.Protein);
    }
}
