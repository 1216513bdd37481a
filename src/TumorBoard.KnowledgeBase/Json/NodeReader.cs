namespace TumorBoard.KnowledgeBase.Json;

/// <summary>
/// Typed access to a <see cref="LineObject"/> that records an error (file, line, subject, reason) instead of
/// throwing, so one load reports every problem of every file. Rules, trials and vocabularies all read through it.
/// </summary>
internal sealed class NodeReader(string file, LoadErrors errors)
{
    public string File => file;

    /// <summary>What is being read (a rule id, <c>trial/arm</c>), named in every error until changed.</summary>
    public string? Subject { get; set; }

    public void Error(int line, string reason) => errors.Add(file, line, reason, Subject);

    public void OnlyProperties(LineObject node, params string[] allowed)
    {
        foreach (var property in node.Properties)
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal) && property.Name != "$schema" && property.Name != "comment")
            {
                Error(property.Line, $"unknown property '{property.Name}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public string? String(LineObject node, string name, bool required = true)
    {
        switch (node[name])
        {
            case LineString { Value: var value } when !string.IsNullOrWhiteSpace(value):
                return value.Trim();
            case null when !required:
                return null;
            case null:
                Error(node.Line, $"missing required property '{name}'");
                return null;
            case var other:
                Error(other.Line, $"'{name}' must be a non-empty string");
                return null;
        }
    }

    public decimal? Number(LineObject node, string name, bool required = true)
    {
        switch (node[name])
        {
            case LineNumber { Value: var value }:
                return value;
            case null when !required:
                return null;
            case null:
                Error(node.Line, $"missing required property '{name}'");
                return null;
            case var other:
                Error(other.Line, $"'{name}' must be a number");
                return null;
        }
    }

    public int? Integer(LineObject node, string name, bool required = true)
    {
        var value = Number(node, name, required);
        if (value is { } number && number != decimal.Truncate(number))
        {
            Error(node[name]!.Line, $"'{name}' must be a whole number");
            return null;
        }

        return value is null ? null : (int)value.Value;
    }

    public bool Bool(LineObject node, string name, bool fallback)
    {
        switch (node[name])
        {
            case LineBool { Value: var value }:
                return value;
            case null:
                return fallback;
            case var other:
                Error(other.Line, $"'{name}' must be true or false");
                return fallback;
        }
    }

    public LineObject? Object(LineObject node, string name, bool required = true) => Typed<LineObject>(node, name, required, "an object");

    public LineArray? Array(LineObject node, string name, bool required = true) => Typed<LineArray>(node, name, required, "an array");

    private T? Typed<T>(LineObject node, string name, bool required, string what)
        where T : LineNode
    {
        switch (node[name])
        {
            case T value:
                return value;
            case null when !required:
                return null;
            case null:
                Error(node.Line, $"missing required property '{name}'");
                return null;
            case var other:
                Error(other.Line, $"'{name}' must be {what}");
                return null;
        }
    }

    /// <summary>An array of non-empty strings; missing optional arrays read as empty.</summary>
    public IReadOnlyList<string> Strings(LineObject node, string name, bool required = false)
    {
        var array = Array(node, name, required);
        if (array is null)
        {
            return [];
        }

        var values = new List<string>();
        foreach (var item in array.Items)
        {
            if (item is LineString { Value: var value } && !string.IsNullOrWhiteSpace(value))
            {
                values.Add(value.Trim());
            }
            else
            {
                Error(item.Line, $"every item of '{name}' must be a non-empty string");
            }
        }

        return values;
    }

    /// <summary>
    /// The objects of an array of entries (a vocabulary's <c>codes</c>, <c>drugs</c>); an item that is not an
    /// object is an error naming <paramref name="what"/>. A missing optional array reads as empty.
    /// </summary>
    public IEnumerable<LineObject> Objects(LineObject node, string name, string what, bool required = false)
    {
        foreach (var item in Array(node, name, required)?.Items ?? [])
        {
            if (item is LineObject entry)
            {
                yield return entry;
            }
            else
            {
                Error(item.Line, $"{what} must be a JSON object");
            }
        }
    }

    /// <summary>Like <see cref="Strings"/> with <c>required: true</c>, and an empty array is an error too.</summary>
    public IReadOnlyList<string> NonEmptyStrings(LineObject node, string name)
    {
        var values = Strings(node, name, required: true);
        if (values.Count == 0 && node[name] is LineArray { Items.Count: 0 } empty)
        {
            Error(empty.Line, $"'{name}' must not be empty");
        }

        return values;
    }
}
