using System.Collections;
using System.Globalization;
using Hl7.Fhir.Model;
using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir.Parsing;

/// <summary>
/// Makes a leniently parsed resource safe to read. Firely keeps a value of the wrong type as sent (a
/// JSON string where a decimal belongs) and throws when its typed <c>Value</c> is read later; it also
/// keeps JSON nulls inside repeating elements, which its list views then dereference. Here, once, for
/// every element: a value of the wrong type is an error naming the element and is cleared, and nulls are
/// dropped from lists (the deserialiser has already reported those as errors). Every reader then sees a
/// value of the right type or none, and no field needs a guard of its own.
/// </summary>
internal static class PrimitiveGuard
{
    private const int ShownCharacters = 40;

    /// <summary>Walks the whole resource (contained resources, extensions and primitives' extensions included).</summary>
    public static IReadOnlyList<IngestIssue> Sanitize(Resource resource)
    {
        var issues = new List<IngestIssue>();
        Walk(resource, new PathStack(resource.TypeName), issues);
        return issues;
    }

    /// <summary>True when the primitive holds no value or one its typed accessor can return.</summary>
    public static bool HasReadableValue(PrimitiveType primitive) => primitive.JsonValue switch
    {
        null => true,
        var value => primitive switch
        {
            FhirBoolean => value is bool,
            Integer or PositiveInt or UnsignedInt => value is int,
            FhirDecimal => value is decimal,
            Integer64 => value is long or string,
            Base64Binary => value is string or byte[],
            _ => value is string,
        },
    };

    private static void Walk(Base node, PathStack path, List<IngestIssue> issues)
    {
        // Enumerated as it goes, not copied first: the walk changes only what it has been given (a child's value, a list's
        // items), never which elements the node has; a copy was one more list per element of the bundle.
        foreach (var (name, value) in node.EnumerateElements())
        {
            switch (value)
            {
                case Base child:
                    path.Push(name, -1);
                    Visit(child, path, issues);
                    path.Pop();
                    break;
                case IList list:
                    WalkList(list, name, path, issues);
                    break;
            }
        }
    }

    private static void WalkList(IList list, string name, PathStack path, List<IngestIssue> issues)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is Base item)
            {
                path.Push(name, i);
                Visit(item, path, issues);
                path.Pop();
            }
        }

        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i] is null)
            {
                list.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// False for text FHIR does not allow in a string (control characters other than tab, CR and LF) or
    /// that is not Unicode at all (an unpaired surrogate): PostgreSQL cannot store a NUL, nor encode half a
    /// character, so such a value would otherwise fail only when it is written.
    /// </summary>
    public static bool IsAllowedText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\r' or '\n'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Visit(Base node, PathStack path, List<IngestIssue> issues)
    {
        if (node is PrimitiveType primitive)
        {
            if (!HasReadableValue(primitive))
            {
                issues.Add(new IngestIssue(IssueSeverity.Error, "value",
                    $"{Describe(primitive.JsonValue)} is not a valid FHIR {primitive.TypeName}{Expected(primitive)}; the element is not read.", path.ToString()));
                primitive.JsonValue = null;
            }
            else if (primitive.JsonValue is string text && !IsAllowedText(text))
            {
                issues.Add(new IngestIssue(IssueSeverity.Error, "value",
                    "The text contains a control character (other than tab, carriage return or line feed) or an unpaired surrogate, which FHIR strings do not allow; the element is not read.", path.ToString()));
                primitive.JsonValue = null;
            }

            if (!MayHaveElements(primitive))
            {
                return;
            }
        }

        Walk(node, path, issues);
    }

    /// <summary>
    /// False when Firely's <c>EnumerateElements</c> has nothing to give for the primitive: it gives a primitive's id, its
    /// extensions and its overflow (elements Firely could not place), never its value. Most elements of a bundle are such
    /// primitives, and enumerating one still cost Firely's iterators and a new empty dictionary (half of what the guard
    /// allocated; docs/performance.md, issue 12, session 7).
    /// </summary>
    private static bool MayHaveElements(PrimitiveType primitive) =>
        primitive.HasOverflow || primitive.ElementIdElement is not null || primitive.TryGetValue("extension", out _);

    /// <summary>Text that echoes what a client sent, made safe to show and to store (controls and lone surrogates escaped).</summary>
    public static string Printable(string text)
    {
        if (IsAllowedText(text))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if ((c < ' ' && c is not ('\t' or '\r' or '\n')) || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Expected(PrimitiveType primitive) => primitive switch
    {
        FhirBoolean => " (a JSON true or false)",
        Integer or PositiveInt or UnsignedInt => " (a JSON number without a fraction, at most 2147483647)",
        FhirDecimal => " (a JSON number)",
        _ => " (a JSON string)",
    };

    private static string Describe(object? value) => value switch
    {
        string s => "\"" + Printable(s.Length > ShownCharacters ? s[..ShownCharacters] + "…" : s) + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => "The value",
    };

    /// <summary>
    /// Where the walk is (<c>Bundle.entry[0].resource.value</c>), kept as segments and written out only for an issue:
    /// most elements are fine, and building every element's path as a string was a tenth of the reader's time
    /// (docs/performance.md, issue 12, session 4).
    /// </summary>
    private sealed class PathStack(string root)
    {
        private readonly List<(string Name, int Index)> _segments = [];

        public void Push(string name, int index) => _segments.Add((name, index));

        public void Pop() => _segments.RemoveAt(_segments.Count - 1);

        public override string ToString()
        {
            var builder = new System.Text.StringBuilder(root);
            foreach (var (name, index) in _segments)
            {
                builder.Append('.').Append(name);
                if (index >= 0)
                {
                    builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }

            return builder.ToString();
        }
    }
}
