using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading.Markers;

/// <summary>A recognised marker test and how it was recognised (<c>LOINC 18474-7</c>, or the code's text).</summary>
internal sealed record IdentifiedTest(MarkerTest Test, string CodeLabel);

/// <summary>
/// Recognises marker tests by LOINC code (each code confirmed in a published IG, see docs/fhir.md) and, only
/// when the concept carries no LOINC coding at all, by its words. A LOINC code that is not listed is never
/// guessed from its display: HER2 by immunoassay (72382-5) or a combined ER+PR stain is another test.
/// </summary>
internal static partial class MarkerCodes
{
    private static readonly Dictionary<string, MarkerTest> Loinc = new(StringComparer.OrdinalIgnoreCase)
    {
        // HL7 Breast Cancer Data IG (2018Sep) EstrogenReceptorInterpretationTestsVS; 85337-4 also mCODE STU2 examples.
        ["16112-5"] = MarkerTest.EstrogenReceptor,
        ["40556-3"] = MarkerTest.EstrogenReceptor,
        ["85337-4"] = MarkerTest.EstrogenReceptor,

        // Same IG, ProgesteroneReceptorInterpretationTestsVS; 85339-0 also mCODE STU2 examples.
        ["16113-3"] = MarkerTest.ProgesteroneReceptor,
        ["40557-1"] = MarkerTest.ProgesteroneReceptor,
        ["85339-0"] = MarkerTest.ProgesteroneReceptor,

        // Same IG, HER2byIHCInterpretationTestsVS; 18474-7 is the Genomics Reporting STU3 example.
        ["18474-7"] = MarkerTest.Her2Ihc,
        ["85319-2"] = MarkerTest.Her2Ihc,

        // Same IG, HER2byFISHVSInterpretationTestsVS.
        ["31150-6"] = MarkerTest.Her2Ish,
        ["85318-4"] = MarkerTest.Her2Ish,

        // mCODE STU1 TumorMarkerTestVS and MII Molekulares Tumorboard IHC value set.
        ["48676-1"] = MarkerTest.Her2Overall,

        // MII Molekulares Tumorboard IHC value set and MMR profile (answer list LL3993-4).
        ["81691-8"] = MarkerTest.Mlh1Ihc,
        ["81692-6"] = MarkerTest.Msh2Ihc,
    };

    /// <summary>
    /// TumorBoard's own code system for marker tests LOINC has no code for (searched December 2026: no LOINC term
    /// for LAG-3 protein by immune stain). A sender maps its local test code to this; documented in docs/fhir.md.
    /// </summary>
    public const string LocalSystem = "http://tumorboard.local/fhir/CodeSystem/marker-test";

    private static readonly Dictionary<string, MarkerTest> Local = new(StringComparer.OrdinalIgnoreCase)
    {
        // LAG-3 expression by IHC (NCI-MATCH Z1M: >= 1 % by IHC; the 17B4 assay's cut-off, PMID 35534200).
        ["LAG3-IHC"] = MarkerTest.Lag3Ihc,
    };

    /// <summary>The test a code names; null when it names none the reader reads.</summary>
    public static IdentifiedTest? Identify(CodeableConcept? code)
    {
        // Loops over the codings rather than queries: asked for every Observation and every component of the bundle.
        if (code is null)
        {
            return null;
        }

        var codings = code.Coding;
        foreach (var coding in codings)
        {
            if (coding is not null && IsLoincOrUnsystemed(coding) && coding.Code is { } value && Loinc.TryGetValue(value.Trim(), out var test))
            {
                return new IdentifiedTest(test, $"LOINC {value.Trim()}");
            }
        }

        foreach (var coding in codings)
        {
            if (coding is not null && string.Equals(coding.System?.Trim(), LocalSystem, StringComparison.OrdinalIgnoreCase)
                && coding.Code is { } value && Local.TryGetValue(value.Trim(), out var test))
            {
                return new IdentifiedTest(test, $"local code {value.Trim()}");
            }
        }

        foreach (var coding in codings)
        {
            if (coding is not null && IsLoinc(coding.System))
            {
                return null;
            }
        }

        foreach (var text in FhirValues.Texts(code))
        {
            if (FromWords(text) is { } test)
            {
                return new IdentifiedTest(test, $"'{text}'");
            }
        }

        return null;
    }

    public static bool MentionsMarker(CodeableConcept? code) =>
        FhirValues.Texts(code).Any(t => Her2Words().IsMatch(t) || EstrogenWords().IsMatch(t) || ProgesteroneWords().IsMatch(t) || Lag3().IsMatch(t));

    private static MarkerTest? FromWords(string text)
    {
        if (Her2Words().IsMatch(text))
        {
            return IshWords().IsMatch(text) ? MarkerTest.Her2Ish : IhcWords().IsMatch(text) ? MarkerTest.Her2Ihc : MarkerTest.Her2Overall;
        }

        var estrogen = EstrogenWords().IsMatch(text) || EstrogenShort().IsMatch(text);
        var progesterone = ProgesteroneWords().IsMatch(text) || ProgesteroneShort().IsMatch(text);
        if (estrogen || progesterone)
        {
            // Both named: a combined ER/PR result, which says nothing about either receptor alone.
            return estrogen && progesterone ? null : estrogen ? MarkerTest.EstrogenReceptor : MarkerTest.ProgesteroneReceptor;
        }

        if (Methylation().IsMatch(text) || !(IhcWords().IsMatch(text) || ProteinWords().IsMatch(text)))
        {
            // MLH1/MSH2/LAG-3 only as protein expression: promoter methylation and variants are other tests.
            return null;
        }

        return Mlh1().IsMatch(text) ? MarkerTest.Mlh1Ihc : Msh2().IsMatch(text) ? MarkerTest.Msh2Ihc : Lag3().IsMatch(text) ? MarkerTest.Lag3Ihc : null;
    }

    private static bool IsLoincOrUnsystemed(Coding coding) => string.IsNullOrWhiteSpace(coding.System) || IsLoinc(coding.System);

    private static bool IsLoinc(string? system) => string.Equals(system?.Trim(), FhirCodes.Loinc, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(HER-?2|ERBB2|c-erbB-2)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Her2Words();

    [GeneratedRegex(@"\b(FISH|ISH|SISH|CISH|DISH|in[\s-]situ|amplification|amplified)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IshWords();

    [GeneratedRegex(@"\b(IHC|immunohisto\w*|immune\s*stain\w*|immunostain\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IhcWords();

    [GeneratedRegex(@"\b(protein|expression)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProteinWords();

    [GeneratedRegex(@"methylat", RegexOptions.IgnoreCase)]
    private static partial Regex Methylation();

    [GeneratedRegex(@"\b(o?estrogen|östrogen)[\s-]+receptor", RegexOptions.IgnoreCase)]
    private static partial Regex EstrogenWords();

    [GeneratedRegex(@"\bprogesterone[\s-]+receptor", RegexOptions.IgnoreCase)]
    private static partial Regex ProgesteroneWords();

    // Short forms only as the whole text ("ER", "ER status", "ER IHC"): "PR interval" or "ER visit" are not receptors.
    [GeneratedRegex(@"^\s*ER(\s+status|\s+IHC|\s*\(IHC\))?\s*$")]
    private static partial Regex EstrogenShort();

    [GeneratedRegex(@"^\s*(PR|PgR)(\s+status|\s+IHC|\s*\(IHC\))?\s*$")]
    private static partial Regex ProgesteroneShort();

    [GeneratedRegex(@"\bMLH1\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mlh1();

    [GeneratedRegex(@"\bMSH2\b", RegexOptions.IgnoreCase)]
    private static partial Regex Msh2();

    [GeneratedRegex(@"\bLAG[\s-]?3\b|\bCD223\b", RegexOptions.IgnoreCase)]
    private static partial Regex Lag3();
}
