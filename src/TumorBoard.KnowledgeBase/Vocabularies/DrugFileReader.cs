using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Reads <c>drugs.json</c> into <see cref="DrugNames"/>: declared classes, lower-case INNs, names that never
/// collide between drugs (after the same normalisation the matcher uses), and RxNorm codes only with a source.
/// </summary>
internal static class DrugFileReader
{
    public static DrugNames Read(DataFile file, LoadErrors errors)
    {
        using var json = JsonDataFile.Parse(file, errors);
        if (json is null)
        {
            return new DrugNames([]);
        }

        new JsonEntry(json.Root, file.Name, 1, "the file", errors).IsObject("version", "description", "sources", "classes", "drugs");
        SourceTable.Version(json, errors);
        var sources = SourceTable.Read(json, errors);
        var classes = ReadClasses(json, errors);
        return new DrugNames(ReadDrugs(json, sources, classes, errors));
    }

    private static HashSet<string> ReadClasses(JsonDataFile json, LoadErrors errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, line) in json.ArrayWithLines("classes"))
        {
            var entry = new JsonEntry(element, json.Name, line, "drug class", errors);
            if (!entry.IsObject("id", "description") || entry.Required("id") is not { } id)
            {
                continue;
            }

            entry.Required("description");
            if (!IsClassId(id))
            {
                entry.Error($"class id '{id}' must be lower-case letters, digits, '-' or '/'");
            }
            else if (!ids.Add(id))
            {
                entry.Error($"duplicate class '{id}'");
            }
        }

        return ids;
    }

    private static List<DrugDefinition> ReadDrugs(JsonDataFile json, HashSet<string> sources, HashSet<string> classes, LoadErrors errors)
    {
        var drugs = new List<DrugDefinition>();
        var innByName = new Dictionary<string, (string Inn, int Line)>(StringComparer.Ordinal);
        var innByCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (element, line) in json.ArrayWithLines("drugs"))
        {
            var entry = new JsonEntry(element, json.Name, line, "drug", errors);
            if (!entry.IsObject("inn", "classes", "synonyms", "brands", "brandSource", "rxnorm", "rxnormOther", "rxnormSource", "namedIn")
                || entry.Required("inn") is not { } inn)
            {
                continue;
            }

            var drugClasses = entry.List("classes", required: true);
            var brands = entry.List("brands", required: false);
            var names = entry.List("synonyms", required: false).Concat(brands).ToList();
            var codes = ReadCodes(entry, inn, sources);
            CheckSources(entry, inn, sources, hasBrands: brands.Count > 0);
            if (inn.Any(char.IsUpper) || DrugNames.NormalizeName(inn).Length == 0)
            {
                entry.Error($"INN '{inn}' must be lower-case");
                continue;
            }

            foreach (var unknown in drugClasses.Where(c => !classes.Contains(c)))
            {
                entry.Error($"{inn}: class '{unknown}' is not declared under 'classes'");
            }

            var unique = CheckNames(entry, inn, names.Prepend(inn), innByName) & CheckCodes(entry, inn, codes, innByCode);
            if (unique)
            {
                drugs.Add(new DrugDefinition(inn, drugClasses, names, codes));
            }
        }

        return drugs;
    }

    private static List<string> ReadCodes(JsonEntry entry, string inn, HashSet<string> sources)
    {
        var codes = new List<string>();
        if (entry.Optional("rxnorm") is { } ingredient)
        {
            codes.Add(ingredient);
        }

        codes.AddRange(entry.List("rxnormOther", required: false));
        foreach (var bad in codes.Where(c => !c.All(char.IsAsciiDigit)))
        {
            entry.Error($"{inn}: RxNorm code '{bad}' must be digits only");
        }

        var source = entry.Optional("rxnormSource");
        if (codes.Count > 0 && source is null)
        {
            entry.Error($"{inn}: RxNorm codes need an 'rxnormSource' (only verified codes are allowed)");
        }

        SourceTable.Check(entry, source, sources, $"{inn} RxNorm");
        return codes;
    }

    private static void CheckSources(JsonEntry entry, string inn, HashSet<string> sources, bool hasBrands)
    {
        foreach (var source in entry.List("namedIn", required: true))
        {
            SourceTable.Check(entry, source, sources, inn);
        }

        var brandSource = entry.Optional("brandSource");
        if (hasBrands && brandSource is null)
        {
            entry.Error($"{inn}: brands need a 'brandSource'");
        }

        SourceTable.Check(entry, brandSource, sources, $"{inn} brands");
    }

    private static bool CheckNames(JsonEntry entry, string inn, IEnumerable<string> names, Dictionary<string, (string Inn, int Line)> innByName)
    {
        var unique = true;
        foreach (var key in names.Select(DrugNames.NormalizeName).Distinct(StringComparer.Ordinal))
        {
            if (innByName.TryGetValue(key, out var owner))
            {
                entry.Error($"duplicate key: name '{key}' of {inn} is already a name of {owner.Inn} (line {owner.Line})");
                unique = false;
            }
            else
            {
                innByName[key] = (inn, entry.Line);
            }
        }

        return unique;
    }

    private static bool CheckCodes(JsonEntry entry, string inn, List<string> codes, Dictionary<string, string> innByCode)
    {
        var unique = true;
        foreach (var code in codes)
        {
            if (!innByCode.TryAdd(code, inn))
            {
                entry.Error($"duplicate key: RxNorm {code} of {inn} is already a code of {innByCode[code]}");
                unique = false;
            }
        }

        return unique;
    }

    private static bool IsClassId(string id) =>
        id.Length > 0 && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '/');
}
