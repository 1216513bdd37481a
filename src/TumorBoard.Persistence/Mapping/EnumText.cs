namespace TumorBoard.Persistence.Mapping;

/// <summary>Enums are stored as the same lower-case words the HTTP contract uses, so SQL reads like the API.</summary>
public static class EnumText
{
    public static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);
}
