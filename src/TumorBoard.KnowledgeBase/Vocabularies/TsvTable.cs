using System.Text;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>Reads a tab-separated file with a fixed header; rows with the wrong number of columns are errors.</summary>
internal static class TsvTable
{
    /// <summary>Each data row with its 1-based line number; the header must match <paramref name="header"/> exactly.</summary>
    public static IReadOnlyList<(int Line, string[] Fields)> Read(DataFile file, string[] header, LoadErrors errors)
    {
        IReadOnlyList<string> lines;
        try
        {
            lines = file.Lines();
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            errors.Add(file.Name, null, $"cannot be read: {e.Message}");
            return [];
        }

        if (lines.Count == 0 || lines[0] != string.Join('\t', header))
        {
            errors.Add(file.Name, 1, $"header must be '{string.Join("<TAB>", header)}'");
            return [];
        }

        var rows = new List<(int, string[])>();
        for (var i = 1; i < lines.Count; i++)
        {
            var fields = lines[i].Split('\t');
            if (fields.Length != header.Length)
            {
                errors.Add(file.Name, i + 1, $"expected {header.Length} tab-separated columns, found {fields.Length}");
                continue;
            }

            rows.Add((i + 1, fields));
        }

        return rows;
    }

    /// <summary>Splits a <c>|</c>-separated list, dropping empty items.</summary>
    public static string[] List(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
