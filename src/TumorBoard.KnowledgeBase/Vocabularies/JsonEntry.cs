using System.Text.Json;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Reads the properties of one JSON object entry, recording a file/line error for every missing, mistyped or
/// unexpected property (a typo in a property name must not silently drop data).
/// </summary>
internal sealed class JsonEntry(JsonElement element, string file, int line, string what, LoadErrors errors)
{
    public int Line => line;

    public string File => file;

    public bool IsObject(params string[] allowedProperties)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error($"{what} must be a JSON object");
            return false;
        }

        foreach (var property in element.EnumerateObject().Where(p => !allowedProperties.Contains(p.Name, StringComparer.Ordinal)))
        {
            Error($"{what} has unknown property '{property.Name}'");
        }

        return true;
    }

    public string? Required(string property)
    {
        var value = Optional(property);
        if (value is null && !HasWrongType(property))
        {
            Error($"{what} is missing '{property}'");
        }

        return value;
    }

    public string? Optional(string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error($"{what}: '{property}' must be a string");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            Error($"{what}: '{property}' must not be empty");
            return null;
        }

        return text;
    }

    public IReadOnlyList<string> List(string property, bool required)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error($"{what} is missing '{property}'");
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())))
        {
            Error($"{what}: '{property}' must be an array of non-empty strings");
            return [];
        }

        var items = value.EnumerateArray().Select(v => v.GetString()!.Trim()).ToList();
        if (required && items.Count == 0)
        {
            Error($"{what}: '{property}' must not be empty");
        }

        return items;
    }

    public void Error(string reason) => errors.Add(file, line, reason);

    private bool HasWrongType(string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind is not JsonValueKind.Null;
}
