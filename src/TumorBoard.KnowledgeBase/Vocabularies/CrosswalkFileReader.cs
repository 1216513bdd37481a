using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Vocabularies;

/// <summary>
/// Reads <c>tumor-crosswalk.json</c> into <see cref="TumorCrosswalk"/>, checking every entry against the
/// OncoTree release: the target code must be current, the cited source declared, keys unique, and a topography
/// or morphology rule must stay inside the OncoTree node of its ICD-O-3 site.
/// </summary>
internal static class CrosswalkFileReader
{
    private static readonly HashSet<string> Systems = new(StringComparer.Ordinal) { TumorCrosswalk.Snomed, TumorCrosswalk.Icd10Cm, TumorCrosswalk.IcdO3 };

    public static TumorCrosswalk Read(DataFile file, OncoTree tree, LoadErrors errors)
    {
        using var json = JsonDataFile.Parse(file, errors);
        if (json is null)
        {
            return new TumorCrosswalk([], [], [], tree);
        }

        new JsonEntry(json.Root, file.Name, 1, "the file", errors).IsObject("version", "description", "sources", "codes", "morphology", "morphologyEquivalents");
        SourceTable.Version(json, errors);
        var sources = SourceTable.Read(json, errors);
        var mappings = ReadCodes(json, tree, sources, errors);
        var sites = new SiteIndex(mappings.Where(m => m.Mapping.System == TumorCrosswalk.IcdO3).Select(m => m.Mapping));
        foreach (var (mapping, entry) in mappings.Where(m => m.Mapping.Topography is not null))
        {
            sites.CheckInside(entry, mapping.Topography!, mapping.OncotreeCode, tree);
        }

        var rules = ReadRules(json, tree, sources, sites, errors);
        var equivalents = ReadEquivalents(json, sources, rules, errors);
        return new TumorCrosswalk(mappings.Select(m => m.Mapping), rules, equivalents, tree);
    }

    private static List<(TumorCodeMapping Mapping, JsonEntry Entry)> ReadCodes(JsonDataFile json, OncoTree tree, HashSet<string> sources, LoadErrors errors)
    {
        var result = new List<(TumorCodeMapping, JsonEntry)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (element, line) in json.ArrayWithLines("codes"))
        {
            var entry = new JsonEntry(element, json.Name, line, "code entry", errors);
            if (!entry.IsObject("system", "code", "oncotree", "topography", "display", "source", "note"))
            {
                continue;
            }

            var (system, code, oncotree, topography) = (entry.Required("system"), entry.Required("code"), entry.Required("oncotree"), entry.Optional("topography"));
            entry.Required("display");
            SourceTable.Check(entry, entry.Required("source"), sources, $"code {code}");
            if (system is null || code is null || oncotree is null)
            {
                continue;
            }

            if (!Systems.Contains(system))
            {
                entry.Error($"unknown system '{system}' (use the SNOMED CT, ICD-10-CM or ICD-O-3 URI)");
            }
            else if (!tree.IsCurrentCode(oncotree))
            {
                entry.Error($"code {code} maps to '{oncotree}', which is not a current code of OncoTree {tree.Version}");
            }
            else if (topography is not null && !TumorCodes.IsIcdO3Topography(topography))
            {
                entry.Error($"topography '{topography}' is not an ICD-O-3 topography (C00-C80, e.g. C34 or C34.1)");
            }
            else if (seen.TryGetValue((system, TumorCodes.NormalizeCode(system, code)), out var firstLine))
            {
                entry.Error($"duplicate key {system}|{code} (first on line {firstLine})");
            }
            else
            {
                seen[(system, TumorCodes.NormalizeCode(system, code))] = line;
                result.Add((new TumorCodeMapping(system, code, oncotree, topography), entry));
            }
        }

        return result;
    }

    private static List<MorphologyRule> ReadRules(JsonDataFile json, OncoTree tree, HashSet<string> sources, SiteIndex sites, LoadErrors errors)
    {
        var rules = new List<MorphologyRule>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (element, line) in json.ArrayWithLines("morphology"))
        {
            var entry = new JsonEntry(element, json.Name, line, "morphology rule", errors);
            if (!entry.IsObject("topography", "morphology", "oncotree", "display", "source", "note"))
            {
                continue;
            }

            var (topography, morphology, oncotree) = (entry.Optional("topography"), entry.Required("morphology"), entry.Required("oncotree"));
            entry.Required("display");
            SourceTable.Check(entry, entry.Required("source"), sources, $"morphology {morphology}");
            if (morphology is null || oncotree is null)
            {
                continue;
            }

            var key = (topography is null ? "*" : TumorCodes.NormalizeTopography(topography), TumorCodes.NormalizeMorphology(morphology));
            if (!TumorCodes.IsIcdO3Morphology(morphology))
            {
                entry.Error($"'{morphology}' is not an ICD-O-3 morphology (dddd/d)");
            }
            else if (topography is not null && !TumorCodes.IsIcdO3Topography(topography))
            {
                entry.Error($"topography '{topography}' is not an ICD-O-3 topography");
            }
            else if (!tree.IsCurrentCode(oncotree))
            {
                entry.Error($"morphology {morphology} maps to '{oncotree}', which is not a current code of OncoTree {tree.Version}");
            }
            else if (seen.TryGetValue(key, out var firstLine))
            {
                entry.Error($"duplicate key {topography ?? "any site"} + {morphology} (first on line {firstLine})");
            }
            else
            {
                seen[key] = line;
                if (topography is not null)
                {
                    sites.CheckInside(entry, topography, oncotree, tree);
                }

                rules.Add(new MorphologyRule(topography, morphology, oncotree));
            }
        }

        return rules;
    }

    private static List<MorphologyEquivalent> ReadEquivalents(JsonDataFile json, HashSet<string> sources, List<MorphologyRule> rules, LoadErrors errors)
    {
        var equivalents = new List<MorphologyEquivalent>();
        var used = rules.Select(r => TumorCodes.NormalizeMorphology(r.Morphology)).ToHashSet(StringComparer.Ordinal);
        foreach (var (element, line) in json.ArrayWithLines("morphologyEquivalents"))
        {
            var entry = new JsonEntry(element, json.Name, line, "morphology equivalent", errors);
            if (!entry.IsObject("system", "code", "icdo3", "display", "source", "note"))
            {
                continue;
            }

            var (system, code, icdO3) = (entry.Required("system"), entry.Required("code"), entry.Required("icdo3"));
            entry.Required("display");
            SourceTable.Check(entry, entry.Required("source"), sources, $"morphology equivalent {code}");
            if (system is null || code is null || icdO3 is null)
            {
                continue;
            }

            if (system != TumorCrosswalk.Snomed)
            {
                entry.Error($"morphology equivalents are SNOMED CT codes, not '{system}'");
            }
            else if (!used.Contains(TumorCodes.NormalizeMorphology(icdO3)))
            {
                entry.Error($"no morphology rule uses {icdO3}, so {code} would never refine anything");
            }
            else
            {
                equivalents.Add(new MorphologyEquivalent(system, code, icdO3));
            }
        }

        return equivalents;
    }
}
