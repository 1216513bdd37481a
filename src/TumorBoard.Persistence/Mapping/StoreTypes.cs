using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TumorBoard.Persistence.Mapping;

/// <summary>How the writers that bypass EF's update pipeline (binary COPY, batched INSERTs) name a column's store type.</summary>
internal static partial class StoreTypes
{
    /// <summary>The mapped store type without length, precision and scale: "character varying(16)" and "numeric(7,5)" as their base type.</summary>
    public static string BaseTypeOf(IProperty property) => Facets().Replace(property.GetColumnType(), string.Empty);

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();
}
