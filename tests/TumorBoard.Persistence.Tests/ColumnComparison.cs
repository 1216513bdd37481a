using Microsoft.EntityFrameworkCore.Metadata;

namespace TumorBoard.Persistence.Tests;

/// <summary>Two stored rows of one entity type compared column by column, as the writer tests compare the writer with EF.</summary>
internal static class ColumnComparison
{
    /// <summary>Every mapped column; keys, foreign keys and other ids only as present or absent (they differ between the two graphs).</summary>
    public static void AssertSameColumns(IModel model, object written, object saved)
    {
        var type = model.FindEntityType(written.GetType())!;
        var compared = 0;
        foreach (var property in type.GetProperties().Where(p => !p.IsKey() && !p.IsForeignKey() && p.PropertyInfo is not null))
        {
            var w = property.PropertyInfo!.GetValue(written);
            var s = property.PropertyInfo.GetValue(saved);
            if (property.Name is "IdentifierValue" or "Value" && w is string text && text.Contains("writer", StringComparison.Ordinal))
            {
                w = text.Replace("writer", "ef", StringComparison.Ordinal);
            }

            if (w is System.Collections.IEnumerable a && w is not string && s is System.Collections.IEnumerable b)
            {
                Assert.Equal(a.Cast<object>().Select(x => x is Guid ? "id" : x), b.Cast<object>().Select(x => x is Guid ? "id" : x));
            }
            else if (property.ClrType == typeof(Guid) || property.ClrType == typeof(Guid?))
            {
                // Ids differ between the two graphs by construction (some, such as alterations.patient_id, without a foreign key).
                Assert.Equal(w is null, s is null);
                Assert.Equal(w is null, s is null);
            }
            else
            {
                Assert.True(Equals(w, s), $"{type.ShortName()}.{property.Name}: {w} written, {s} saved by EF");
            }

            compared++;
        }

        Assert.True(compared > 0);
    }
}
