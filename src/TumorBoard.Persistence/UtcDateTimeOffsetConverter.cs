using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TumorBoard.Persistence;

/// <summary>Converts every DateTimeOffset to UTC on the way in; the instant is unchanged.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
