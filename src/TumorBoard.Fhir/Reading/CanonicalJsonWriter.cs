using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Writes a resource's canonical form for the content hash: object keys in ordinal order, the root's <c>meta</c>,
/// <c>id</c> and <c>text</c> left out, every <c>reference</c> string replaced by its token (<see cref="ReportContent"/>).
/// </summary>
/// <remarks>
/// Made for speed without changing a byte (docs/performance.md, issue 12, session 7): a key is compared and written from
/// its UTF-8 bytes in the parsed document instead of a new string per key, which is the same order and the same output
/// when the key is ASCII without escapes (every FHIR element name). An object with any other key is ordered by its
/// keys as strings, as before. The keys of every open object share one list instead of an array per object.
/// </remarks>
internal sealed class CanonicalJsonWriter(Utf8JsonWriter writer)
{
    /// <summary>Ordinal order: by the UTF-8 bytes of plain keys (the same signs as <see cref="string.CompareOrdinal(string, string)"/> on ASCII), else by the strings.</summary>
    private static readonly Comparison<Member> MemberOrder = (x, y) => x.Name is not null && y.Name is not null
        ? string.CompareOrdinal(x.Name, y.Name)
        : JsonMarshal.GetRawUtf8PropertyName(x.Property).SequenceCompareTo(JsonMarshal.GetRawUtf8PropertyName(y.Property));

    private readonly List<Member> _members = new(64);

    public void WriteResource(JsonElement resource, Func<string, string> reference) => Write(resource, reference, root: true);

    private void Write(JsonElement element, Func<string, string> reference, bool root)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, reference, root);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, reference, root: false);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private void WriteObject(JsonElement element, Func<string, string> reference, bool root)
    {
        var start = _members.Count;
        var plain = true;
        foreach (var property in element.EnumerateObject())
        {
            var isPlain = IsPlain(JsonMarshal.GetRawUtf8PropertyName(property));
            plain &= isPlain;
            if (!(root && (isPlain ? IsVolatile(JsonMarshal.GetRawUtf8PropertyName(property)) : IsVolatile(property.Name))))
            {
                _members.Add(new Member(property, null));
            }
        }

        var count = _members.Count - start;
        if (!plain)
        {
            for (var i = start; i < start + count; i++)
            {
                _members[i] = new Member(_members[i].Property, _members[i].Property.Name);
            }
        }

        // A span sort with a delegate made once: List.Sort with a comparer makes a new delegate of it on every call. Both
        // are the same introspective sort, so keys that compare equal keep the order they had before.
        CollectionsMarshal.AsSpan(_members).Slice(start, count).Sort(MemberOrder);
        writer.WriteStartObject();
        for (var i = start; i < start + count; i++)
        {
            var (property, name) = _members[i];
            var isReference = name is null ? JsonMarshal.GetRawUtf8PropertyName(property).SequenceEqual("reference"u8) : name == "reference";
            if (name is null)
            {
                writer.WritePropertyName(JsonMarshal.GetRawUtf8PropertyName(property));
            }
            else
            {
                writer.WritePropertyName(name);
            }

            if (isReference && property.Value.ValueKind == JsonValueKind.String)
            {
                writer.WriteStringValue(reference(property.Value.GetString()!));
            }
            else
            {
                Write(property.Value, reference, root: false);
            }
        }

        writer.WriteEndObject();
        _members.RemoveRange(start, count);
    }

    /// <summary>ASCII and no escape: its bytes order as its string does, and the writer writes the same text from either.</summary>
    private static bool IsPlain(ReadOnlySpan<byte> name) => Ascii.IsValid(name) && !name.Contains((byte)'\\');

    private static bool IsVolatile(ReadOnlySpan<byte> name) => name.SequenceEqual("meta"u8) || name.SequenceEqual("id"u8) || name.SequenceEqual("text"u8);

    private static bool IsVolatile(string name) => name is "meta" or "id" or "text";

    /// <summary>A key of an open object; <see cref="Name"/> is set only when the object's keys are compared as strings.</summary>
    private readonly record struct Member(JsonProperty Property, string? Name);
}
