using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Reads <c>drugs.json</c> into <see cref="DrugNames"/>: declared classes, lower-case INNs, names that never
/// collide between drugs (after the same normalisation the matcher uses), and RxNorm codes only with a source.
/// </summary>
internal static class DrugFileReader
{
    public static DrugNames Read(DataFile file, LoadErrors errors)
    {
        if (LineJson.ParseObject(file.Name, file.Bytes, errors) is not { } root)
        {
            return new DrugNames([]);
        }

        var reader = new NodeReader(file.Name, errors);
        reader.OnlyProperties(root, "version", "description", "sources", "classes", "drugs");
        reader.String(root, "version");
        var sources = SourceTable.Read(root, reader);
        var classes = ReadClasses(root, reader);
        return new DrugNames(ReadDrugs(root, reader, sources, classes));
    }

    private static HashSet<string> ReadClasses(LineObject root, NodeReader reader)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in reader.Objects(root, "classes", "a drug class"))
        {
            reader.OnlyProperties(entry, "id", "description");
            if (reader.String(entry, "id") is not { } id)
            {
                continue;
            }

            reader.String(entry, "description");
            if (!IsClassId(id))
            {
                reader.Error(entry.Line, $"class id '{id}' must be lower-case letters, digits, '-' or '/'");
            }
            else if (!ids.Add(id))
            {
                reader.Error(entry.Line, $"duplicate class '{id}'");
            }
        }

        return ids;
    }

    private static List<DrugDefinition> ReadDrugs(LineObject root, NodeReader reader, HashSet<string> sources, HashSet<string> classes)
    {
        var drugs = new List<DrugDefinition>();
        var innByName = new Dictionary<string, (string Inn, int Line)>(StringComparer.Ordinal);
        var innByCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in reader.Objects(root, "drugs", "a drug"))
        {
            reader.OnlyProperties(entry, "inn", "classes", "synonyms", "brands", "brandSource", "rxnorm", "rxnormOther", "rxnormSource", "namedIn");
            if (reader.String(entry, "inn") is not { } inn)
            {
                continue;
            }

            var drugClasses = reader.NonEmptyStrings(entry, "classes");
            var brands = reader.Strings(entry, "brands");
            var names = reader.Strings(entry, "synonyms").Concat(brands).ToList();
            var codes = ReadCodes(entry, reader, inn, sources);
            CheckSources(entry, reader, inn, sources, hasBrands: brands.Count > 0);
            if (inn.Any(char.IsUpper) || DrugNames.NormalizeName(inn).Length == 0)
            {
                reader.Error(entry.Line, $"INN '{inn}' must be lower-case");
                continue;
            }

            foreach (var unknown in drugClasses.Where(c => !classes.Contains(c)))
            {
                reader.Error(entry.Line, $"{inn}: class '{unknown}' is not declared under 'classes'");
            }

            var unique = CheckNames(entry, reader, inn, names.Prepend(inn), innByName) & CheckCodes(entry, reader, inn, codes, innByCode);
            if (unique)
            {
                drugs.Add(new DrugDefinition(inn, drugClasses, names, codes));
            }
        }

        return drugs;
    }

    private static List<string> ReadCodes(LineObject entry, NodeReader reader, string inn, HashSet<string> sources)
    {
        var codes = new List<string>();
        if (reader.String(entry, "rxnorm", required: false) is { } ingredient)
        {
            codes.Add(ingredient);
        }

        codes.AddRange(reader.Strings(entry, "rxnormOther"));
        foreach (var bad in codes.Where(c => !c.All(char.IsAsciiDigit)))
        {
            reader.Error(entry.Line, $"{inn}: RxNorm code '{bad}' must be digits only");
        }

        var source = reader.String(entry, "rxnormSource", required: false);
        if (codes.Count > 0 && source is null)
        {
            reader.Error(entry.Line, $"{inn}: RxNorm codes need an 'rxnormSource' (only verified codes are allowed)");
        }

        SourceTable.Check(reader, entry, source, sources, $"{inn} RxNorm");
        return codes;
    }

    private static void CheckSources(LineObject entry, NodeReader reader, string inn, HashSet<string> sources, bool hasBrands)
    {
        foreach (var source in reader.NonEmptyStrings(entry, "namedIn"))
        {
            SourceTable.Check(reader, entry, source, sources, inn);
        }

        var brandSource = reader.String(entry, "brandSource", required: false);
        if (hasBrands && brandSource is null)
        {
            reader.Error(entry.Line, $"{inn}: brands need a 'brandSource'");
        }

        SourceTable.Check(reader, entry, brandSource, sources, $"{inn} brands");
    }

    private static bool CheckNames(LineObject entry, NodeReader reader, string inn, IEnumerable<string> names, Dictionary<string, (string Inn, int Line)> innByName)
    {
        var unique = true;
        foreach (var key in names.Select(DrugNames.NormalizeName).Distinct(StringComparer.Ordinal))
        {
            if (innByName.TryGetValue(key, out var owner))
            {
                reader.Error(entry.Line, $"duplicate key: name '{key}' of {inn} is already a name of {owner.Inn} (line {owner.Line})");
                unique = false;
            }
            else
            {
                innByName[key] = (inn, entry.Line);
            }
        }

        return unique;
    }

    private static bool CheckCodes(LineObject entry, NodeReader reader, string inn, List<string> codes, Dictionary<string, string> innByCode)
    {
        var unique = true;
        foreach (var code in codes)
        {
            if (!innByCode.TryAdd(code, inn))
            {
                reader.Error(entry.Line, $"duplicate key: RxNorm {code} of {inn} is already a code of {innByCode[code]}");
                unique = false;
            }
        }

        return unique;
    }

    private static bool IsClassId(string id) =>
        id.Length > 0 && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '/');
}
