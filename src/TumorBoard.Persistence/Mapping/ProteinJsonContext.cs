using System.Text.Json;
using System.Text.Json.Serialization;
using TumorBoard.Core.Alterations;

namespace TumorBoard.Persistence.Mapping;

/// <summary>
/// Source-generated (de)serialisation of the <c>alterations.protein_json</c> column: every alteration row of a patient
/// is read back on each evaluation and each evolution view (5,000 rows for a 10-sample patient), where reflection-based
/// metadata showed in the profile. Same options (web defaults) as before, so stored text is unchanged.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProteinChange))]
internal sealed partial class ProteinJsonContext : JsonSerializerContext;
