namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>One row of a CIViC ClinicalEvidenceSummaries TSV (v2 format), by column name.</summary>
public sealed class CivicRow(IReadOnlyDictionary<string, int> columns, string[] fields)
{
    /// <summary>The columns the importer reads; a TSV without one of them is refused.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns =
    [
        "molecular_profile", "disease", "doid", "therapies", "therapy_interaction_type", "evidence_type", "evidence_direction",
        "evidence_level", "significance", "evidence_statement", "citation_id", "source_type", "nct_ids", "evidence_status",
        "evidence_id", "variant_origin", "last_review_date", "is_flagged",
    ];

    public string this[string column] => columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i].Trim() : "";

    /// <summary>Splits TSV text (no quoting, as CIViC writes it) into a header map and rows.</summary>
    public static IReadOnlyList<CivicRow> ReadAll(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var lines = tsv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new FormatException("the CIViC TSV is empty");
        }

        var header = lines[0].Split('\t');
        var columns = header.Select((name, i) => (name, i)).ToDictionary(p => p.name.Trim(), p => p.i, StringComparer.Ordinal);
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException("the CIViC TSV lacks the columns " + string.Join(", ", missing));
        }

        return lines.Skip(1).Select(l => new CivicRow(columns, l.Split('\t'))).ToList();
    }
}
