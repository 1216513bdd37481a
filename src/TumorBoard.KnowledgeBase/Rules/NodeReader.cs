namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// Typed access to a <see cref="LineObject"/> that records an error (file, current rule, line, reason)
/// instead of throwing, so one load reports every problem of every file.
/// </summary>
internal sealed class NodeReader(string file, List<RuleLoadError> errors)
{
    public string File => file;

    /// <summary>The rule being read, named in every error until changed.</summary>
    public string? RuleId { get; set; }

    public void Error(int line, string reason) => errors.Add(new RuleLoadError(file, RuleId, line, reason));

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

    public LineObject? Object(LineObject node, string name, bool required = true)
    {
        switch (node[name])
        {
            case LineObject value:
                return value;
            case null when !required:
                return null;
            case null:
                Error(node.Line, $"missing required property '{name}'");
                return null;
            case var other:
                Error(other.Line, $"'{name}' must be an object");
                return null;
        }
    }

    public LineArray? Array(LineObject node, string name, bool required = true)
    {
        switch (node[name])
        {
            case LineArray value:
                return value;
            case null when !required:
                return null;
            case null:
                Error(node.Line, $"missing required property '{name}'");
                return null;
            case var other:
                Error(other.Line, $"'{name}' must be an array");
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
}
