using System.Globalization;
using System.Text.Json.Nodes;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>
/// One CIViC evidence row to one entry of the layer's data file: the row filter (accepted, predictive, supporting,
/// level A or B, not flagged), the mapped biomarker, disease and therapies, context, citations and rationale; or the
/// first reason it is skipped.
/// </summary>
public sealed partial class CivicImporter
{
    private (JsonObject? Entry, int Therapies, string? Reason, string? Detail) Convert(CivicRow row)
    {
        string? Filter()
        {
            if (!string.Equals(row["evidence_status"], "accepted", StringComparison.Ordinal)) { return CivicSkipReasons.NotAccepted; }
            if (!string.Equals(row["evidence_type"], "Predictive", StringComparison.Ordinal)) { return CivicSkipReasons.NotPredictive; }
            if (!string.Equals(row["evidence_direction"], "Supports", StringComparison.Ordinal)) { return CivicSkipReasons.NotSupports; }
            if (row["significance"] is not ("Sensitivity/Response" or "Resistance")) { return CivicSkipReasons.OtherSignificance; }
            return row["evidence_level"] switch
            {
                "A" or "B" => string.Equals(row["is_flagged"], "true", StringComparison.OrdinalIgnoreCase) ? CivicSkipReasons.Flagged
                    : string.Equals(row["variant_origin"], "Common Germline", StringComparison.Ordinal) ? CivicSkipReasons.CommonGermline
                    : null,
                "C" => CivicSkipReasons.LevelC,
                "D" => CivicSkipReasons.LevelD,
                _ => CivicSkipReasons.LevelE,
            };
        }

        if (Filter() is { } filtered)
        {
            return (null, 0, filtered, null);
        }

        var (biomarker, variantSkip) = variants.Map(row["molecular_profile"]);
        if (biomarker is null)
        {
            return (null, 0, variantSkip, null);
        }

        if (diseases.Find(row["doid"]) is not { } disease)
        {
            var name = row["disease"] + (row["doid"].Length > 0 ? $" (DOID:{row["doid"]})" : " (no DOID)");
            return (null, 0, CivicSkipReasons.DiseaseUnmapped, name);
        }

        var (therapyList, therapySkip, unknown) = Therapies(row);
        if (therapyList is null)
        {
            return (null, 0, therapySkip, unknown);
        }

        var eid = int.Parse(row["evidence_id"], CultureInfo.InvariantCulture);
        var resistance = row["significance"] == "Resistance";
        var entry = new JsonObject
        {
            ["id"] = "CIVIC-EID" + eid.ToString(CultureInfo.InvariantCulture),
            ["biomarker"] = biomarker,
            ["tumor"] = new JsonObject { ["include"] = new JsonArray(disease.OncotreeCode) },
            ["effect"] = resistance ? "resistant" : "sensitive",
            // Never 1 or 2: those say FDA recognition or a guideline, which a CIViC level does not (docs/knowledge-base.md).
            ["level"] = resistance ? "R2" : "3A",
        };
        if (Context(row, disease) is { } context)
        {
            entry["context"] = context;
        }

        entry["therapies"] = new JsonArray([.. therapyList.Select(t => (JsonNode)new JsonObject { ["drugs"] = new JsonArray([.. t.Select(d => (JsonNode)JsonValue.Create(d))]) })]);
        entry["citations"] = Citations(row, eid);
        entry["rationale"] = Rationale(row["evidence_statement"]);
        entry["civic"] = new JsonObject
        {
            ["eid"] = eid,
            ["level"] = row["evidence_level"],
            ["significance"] = row["significance"],
            ["disease"] = row["disease"],
            ["doid"] = row["doid"],
            ["molecularProfile"] = row["molecular_profile"],
            ["variantOrigin"] = row["variant_origin"],
        };
        return (entry, therapyList.Count, null, null);
    }

    // Combination: one therapy of every drug. Substitutes (or a single drug): one therapy per drug.
    private (List<List<string>>? Therapies, string? Skip, string? Unknown) Therapies(CivicRow row)
    {
        var names = row["therapies"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            return (null, CivicSkipReasons.NoTherapy, null);
        }

        var interaction = row["therapy_interaction_type"];
        if (string.Equals(interaction, "Sequential", StringComparison.Ordinal))
        {
            return (null, CivicSkipReasons.Sequential, null);
        }

        var inns = new List<string>();
        foreach (var name in names)
        {
            if (therapies.Inn(name) is not { } inn)
            {
                return (null, CivicSkipReasons.DrugUnknown, name.ToLowerInvariant());
            }

            if (!inns.Contains(inn, StringComparer.Ordinal))
            {
                inns.Add(inn);
            }
        }

        return string.Equals(interaction, "Combination", StringComparison.Ordinal)
            ? ([inns], null, null)
            : (inns.Select(i => new List<string> { i }).ToList(), null, null);
    }

    private static JsonObject? Context(CivicRow row, CivicDiseaseMapping disease)
    {
        var context = new JsonObject();
        if (string.Equals(row["variant_origin"], "Rare Germline", StringComparison.Ordinal))
        {
            context["origin"] = "germline";
        }

        if (disease.Receptors.Count > 0)
        {
            context["receptors"] = new JsonObject(disease.Receptors.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)JsonValue.Create(r.Value))));
        }

        return context.Count > 0 ? context : null;
    }

    private static JsonArray Citations(CivicRow row, int eid)
    {
        var civic = $"CIViC EID{eid.ToString(CultureInfo.InvariantCulture)}, level {row["evidence_level"]}, {row["significance"]}, {row["disease"]}";
        var citations = new JsonArray();
        if (string.Equals(row["source_type"], "PubMed", StringComparison.Ordinal) && row["citation_id"].Length > 0 && row["citation_id"].All(char.IsAsciiDigit))
        {
            citations.Add(new JsonObject { ["type"] = "pmid", ["id"] = row["citation_id"], ["note"] = civic });
        }

        citations.Add(new JsonObject { ["type"] = "url", ["id"] = $"https://civicdb.org/links/evidence_items/{eid.ToString(CultureInfo.InvariantCulture)}", ["note"] = civic });
        foreach (var nct in row["nct_ids"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(CitationParser.IsNctId).Distinct(StringComparer.Ordinal))
        {
            citations.Add(new JsonObject { ["type"] = "nct", ["id"] = nct });
        }

        return citations;
    }

    // The CIViC statement, cut at a sentence end within 400 characters so the file stays readable.
    private static string Rationale(string statement)
    {
        var text = string.Join(' ', statement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return "CIViC evidence item (no statement).";
        }

        if (text.Length <= 400)
        {
            return text;
        }

        var cut = text.LastIndexOf(". ", 400, StringComparison.Ordinal);
        return cut > 100 ? text[..(cut + 1)] : text[..399] + "…";
    }
}
