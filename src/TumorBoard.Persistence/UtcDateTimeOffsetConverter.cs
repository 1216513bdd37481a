using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TumorBoard.Persistence;

/// <summary>Converts every DateTimeOffset to UTC on the way in; the instant is unchanged.</summary>
[SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "EF Core creates it from HaveConversion<UtcDateTimeOffsetConverter>() in ConfigureConventions.")]
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
