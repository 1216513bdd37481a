using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;

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
        if (LineJson.ParseObject(file.Name, file.Bytes, errors) is not { } root)
        {
            return new TumorCrosswalk([], [], [], tree);
        }

        var reader = new NodeReader(file.Name, errors);
        reader.OnlyProperties(root, "version", "description", "sources", "codes", "morphology", "morphologyEquivalents");
        reader.String(root, "version");
        var sources = SourceTable.Read(root, reader);
        var mappings = ReadCodes(root, reader, tree, sources);
        var sites = new SiteIndex(mappings.Where(m => m.Mapping.System == TumorCrosswalk.IcdO3).Select(m => m.Mapping));
        foreach (var (mapping, entry) in mappings.Where(m => m.Mapping.Topography is not null))
        {
            sites.CheckInside(reader, entry, mapping.Topography!, mapping.OncotreeCode, tree);
        }

        var rules = ReadRules(root, reader, tree, sources, sites);
        var equivalents = ReadEquivalents(root, reader, sources, rules);
        return new TumorCrosswalk(mappings.Select(m => m.Mapping), rules, equivalents, tree);
    }

    private static List<(TumorCodeMapping Mapping, LineObject Entry)> ReadCodes(LineObject root, NodeReader reader, OncoTree tree, HashSet<string> sources)
    {
        var result = new List<(TumorCodeMapping, LineObject)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var entry in reader.Objects(root, "codes", "a code entry"))
        {
            reader.OnlyProperties(entry, "system", "code", "oncotree", "topography", "display", "source", "note");
            var (system, code, oncotree, topography) = (reader.String(entry, "system"), reader.String(entry, "code"), reader.String(entry, "oncotree"), reader.String(entry, "topography", required: false));
            reader.String(entry, "display");
            SourceTable.Check(reader, entry, reader.String(entry, "source"), sources, $"code {code}");
            if (system is null || code is null || oncotree is null)
            {
                continue;
            }

            if (!Systems.Contains(system))
            {
                reader.Error(entry.Line, $"unknown system '{system}' (use the SNOMED CT, ICD-10-CM or ICD-O-3 URI)");
            }
            else if (!tree.IsCurrentCode(oncotree))
            {
                reader.Error(entry.Line, $"code {code} maps to '{oncotree}', which is not a current code of OncoTree {tree.Version}");
            }
            else if (topography is not null && !TumorCodes.IsIcdO3Topography(topography))
            {
                reader.Error(entry.Line, $"topography '{topography}' is not an ICD-O-3 topography (C00-C80, e.g. C34 or C34.1)");
            }
            else if (seen.TryGetValue((system, TumorCodes.NormalizeCode(system, code)), out var firstLine))
            {
                reader.Error(entry.Line, $"duplicate key {system}|{code} (first on line {firstLine})");
            }
            else
            {
                seen[(system, TumorCodes.NormalizeCode(system, code))] = entry.Line;
                result.Add((new TumorCodeMapping(system, code, oncotree, topography), entry));
            }
        }

        return result;
    }

    private static List<MorphologyRule> ReadRules(LineObject root, NodeReader reader, OncoTree tree, HashSet<string> sources, SiteIndex sites)
    {
        var rules = new List<MorphologyRule>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var entry in reader.Objects(root, "morphology", "a morphology rule"))
        {
            reader.OnlyProperties(entry, "topography", "morphology", "oncotree", "display", "source", "note");
            var (topography, morphology, oncotree) = (reader.String(entry, "topography", required: false), reader.String(entry, "morphology"), reader.String(entry, "oncotree"));
            reader.String(entry, "display");
            SourceTable.Check(reader, entry, reader.String(entry, "source"), sources, $"morphology {morphology}");
            if (morphology is null || oncotree is null)
            {
                continue;
            }

            var key = (topography is null ? "*" : TumorCodes.NormalizeTopography(topography), TumorCodes.NormalizeMorphology(morphology));
            if (!TumorCodes.IsIcdO3Morphology(morphology))
            {
                reader.Error(entry.Line, $"'{morphology}' is not an ICD-O-3 morphology (dddd/d)");
            }
            else if (topography is not null && !TumorCodes.IsIcdO3Topography(topography))
            {
                reader.Error(entry.Line, $"topography '{topography}' is not an ICD-O-3 topography");
            }
            else if (!tree.IsCurrentCode(oncotree))
            {
                reader.Error(entry.Line, $"morphology {morphology} maps to '{oncotree}', which is not a current code of OncoTree {tree.Version}");
            }
            else if (seen.TryGetValue(key, out var firstLine))
            {
                reader.Error(entry.Line, $"duplicate key {topography ?? "any site"} + {morphology} (first on line {firstLine})");
            }
            else
            {
                seen[key] = entry.Line;
                if (topography is not null)
                {
                    sites.CheckInside(reader, entry, topography, oncotree, tree);
                }

                rules.Add(new MorphologyRule(topography, morphology, oncotree));
            }
        }

        return rules;
    }

    private static List<MorphologyEquivalent> ReadEquivalents(LineObject root, NodeReader reader, HashSet<string> sources, List<MorphologyRule> rules)
    {
        var equivalents = new List<MorphologyEquivalent>();
        var used = rules.Select(r => TumorCodes.NormalizeMorphology(r.Morphology)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in reader.Objects(root, "morphologyEquivalents", "a morphology equivalent"))
        {
            reader.OnlyProperties(entry, "system", "code", "icdo3", "display", "source", "note");
            var (system, code, icdO3) = (reader.String(entry, "system"), reader.String(entry, "code"), reader.String(entry, "icdo3"));
            reader.String(entry, "display");
            SourceTable.Check(reader, entry, reader.String(entry, "source"), sources, $"morphology equivalent {code}");
            if (system is null || code is null || icdO3 is null)
            {
                continue;
            }

            if (system != TumorCrosswalk.Snomed)
            {
                reader.Error(entry.Line, $"morphology equivalents are SNOMED CT codes, not '{system}'");
            }
            else if (!used.Contains(TumorCodes.NormalizeMorphology(icdO3)))
            {
                reader.Error(entry.Line, $"no morphology rule uses {icdO3}, so {code} would never refine anything");
            }
            else
            {
                equivalents.Add(new MorphologyEquivalent(system, code, icdO3));
            }
        }

        return equivalents;
    }
}
