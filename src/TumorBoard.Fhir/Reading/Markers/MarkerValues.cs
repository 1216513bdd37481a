using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading.Markers;

/// <summary>A marker value as read: the status (null when unreadable) and the value as sent, for the source text.</summary>
internal sealed record MarkerValue(MarkerStatus? Status, string Shown);

/// <summary>
/// Turns an Observation's (or component's) value into a <see cref="MarkerStatus"/>: answer codes first, then
/// the words (<see cref="MarkerWords"/>); the Observation's <c>interpretation</c> only when the value says
/// nothing readable. Numbers (percent of stained nuclei, H-scores, ratios) are never turned into a status:
/// cut-offs belong to the assay and the guideline, not to the reader. One exception, LAG-3 (see
/// <see cref="Lag3PositiveAtPercent"/>): labs report it as a percentage and its one published cut-off is the trial's.
/// </summary>
internal static partial class MarkerValues
{
    /// <summary>
    /// LAG-3 is positive at 1 % or more of cells by IHC: the cut-off of NCI-MATCH Z1M (ClinicalTrials.gov NCT02465060,
    /// arm group "Subprotocol Z1M": LAG-3 expression >= 1 % by IHC) and of the 17B4 assay that defines LAG-3
    /// positivity (Johnson et al., J Clin Pathol 2023;76:591-8, PMID 35534200: "a >= 1% cut-off to determine LAG-3
    /// positivity"). A coded positive/negative is taken as the lab's call.
    /// </summary>
    public const decimal Lag3PositiveAtPercent = 1m;

    // Answer codes valid for every marker: LOINC LL2160-7 style Positive/Negative (mCODE STU2 ER/PR examples),
    // SNOMED qualifiers Positive/Negative, ICHOM "Equivocal result", v3 ObservationInterpretation POS/NEG.
    private static readonly Dictionary<string, MarkerStatus> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LA6576-8"] = MarkerStatus.Positive,
        ["LA6577-6"] = MarkerStatus.Negative,
        ["10828004"] = MarkerStatus.Positive,
        ["260385009"] = MarkerStatus.Negative,
        ["280414007"] = MarkerStatus.Equivocal,
        ["POS"] = MarkerStatus.Positive,
        ["NEG"] = MarkerStatus.Negative,
    };

    // HER2 IHC score answer list LL4396-9 (Breast Cancer Data IG HER2byIHCScoreVS) and ICHOM HER2 status codes.
    // Absent staining is score 0; "Present" (LA9633-4) gives no score and stays unreadable.
    private static readonly Dictionary<string, MarkerStatus> Her2 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LA6111-4"] = MarkerStatus.Negative,
        ["LA11841-6"] = MarkerStatus.Low,
        ["LA11842-4"] = MarkerStatus.Equivocal,
        ["LA11843-2"] = MarkerStatus.Positive,
        ["427685000"] = MarkerStatus.Positive,
        ["431396003"] = MarkerStatus.Negative,
        ["LA9634-2"] = MarkerStatus.Negative,
    };

    private static readonly Dictionary<string, MarkerStatus> Her2Ish = new(StringComparer.OrdinalIgnoreCase)
    {
        ["427685000"] = MarkerStatus.Positive,
        ["431396003"] = MarkerStatus.Negative,
    };

    // ICHOM EstrogenStatusVS / ProgesteroneStatusVS, LOINC Present/Absent.
    private static readonly Dictionary<string, MarkerStatus> Estrogen = new(StringComparer.OrdinalIgnoreCase)
    {
        ["416053008"] = MarkerStatus.Positive,
        ["373572006"] = MarkerStatus.Negative,
        ["LA9633-4"] = MarkerStatus.Positive,
        ["LA9634-2"] = MarkerStatus.Negative,
    };

    private static readonly Dictionary<string, MarkerStatus> Progesterone = new(StringComparer.OrdinalIgnoreCase)
    {
        ["416561008"] = MarkerStatus.Positive,
        ["441118006"] = MarkerStatus.Negative,
        ["LA9633-4"] = MarkerStatus.Positive,
        ["LA9634-2"] = MarkerStatus.Negative,
    };

    // MMR expression answer list LL3993-4 (MII Molekulares Tumorboard): intact = expressed, loss = lost.
    private static readonly Dictionary<string, MarkerStatus> MismatchRepair = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LA26197-6"] = MarkerStatus.Positive,
        ["LA26198-4"] = MarkerStatus.Negative,
        ["LA9633-4"] = MarkerStatus.Positive,
        ["LA9634-2"] = MarkerStatus.Negative,
    };

    // LAG-3 coded answers beyond the common positive/negative: LOINC Present/Absent.
    private static readonly Dictionary<string, MarkerStatus> PresentAbsent = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LA9633-4"] = MarkerStatus.Positive,
        ["LA9634-2"] = MarkerStatus.Negative,
    };

    public static MarkerValue Read(MarkerTest test, DataType? value, IEnumerable<CodeableConcept> interpretation)
    {
        var fromValue = value switch
        {
            Quantity quantity when test == MarkerTest.Lag3Ihc => Lag3Percent(quantity),
            FhirString text when test == MarkerTest.Lag3Ihc && PercentText().Match(text.Value ?? string.Empty) is { Success: true } match => Lag3Percent(match),
            CodeableConcept concept => new MarkerValue(FromConcept(test, concept), Shown(concept)),
            FhirString text => new MarkerValue(MarkerWords.Status(test, text.Value ?? string.Empty), text.Value?.Trim() ?? string.Empty),
            null => new MarkerValue(null, "(no value)"),
            _ => new MarkerValue(null, $"({value.TypeName} value)"),
        };
        if (fromValue.Status is not null)
        {
            return fromValue;
        }

        foreach (var concept in interpretation)
        {
            if (FromConcept(test, concept) is { } status)
            {
                return new MarkerValue(status, $"{Shown(concept)} (interpretation)");
            }
        }

        return fromValue;
    }

    private static MarkerStatus? FromConcept(MarkerTest test, CodeableConcept concept)
    {
        var answers = Answers(test);
        var coded = FhirValues.Codings(concept)
            .Select(c => c.Code?.Trim() ?? string.Empty)
            .Select(code => answers.TryGetValue(code, out var s) ? s : Common.TryGetValue(code, out var c) ? c : (MarkerStatus?)null)
            .OfType<MarkerStatus>()
            .Distinct()
            .ToList();
        if (coded.Count > 0)
        {
            return coded.Count == 1 ? coded[0] : null;
        }

        var read = FhirValues.Texts(concept).Select(t => MarkerWords.Status(test, t)).OfType<MarkerStatus>().Distinct().ToList();
        return read.Count == 1 ? read[0] : null;
    }

    /// <summary>A percentage of cells (UCUM <c>%</c>, or the unit written "%" / "percent"), 0-100, with an optional comparator.</summary>
    private static MarkerValue Lag3Percent(Quantity quantity)
    {
        var unit = (quantity.Code ?? quantity.Unit)?.Trim();
        var shown = $"{(quantity.Comparator is { } c ? Comparator(c) : string.Empty)}{quantity.Value?.ToString(CultureInfo.InvariantCulture) ?? "?"} {unit}".Trim();
        var percent = unit is "%" || string.Equals(unit, "percent", StringComparison.OrdinalIgnoreCase);
        return new MarkerValue(percent && quantity.Value is { } v ? Lag3Status(quantity.Comparator is { } op ? Comparator(op) : string.Empty, v) : null, shown);
    }

    private static MarkerValue Lag3Percent(Match match)
    {
        var number = decimal.Parse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new MarkerValue(Lag3Status(match.Groups["op"].Value.Replace("≥", ">=", StringComparison.Ordinal).Replace("≤", "<=", StringComparison.Ordinal), number), match.Value.Trim());
    }

    /// <summary>Positive at or above the cut-off, negative below it; a bound that straddles it (&lt;5 %) decides nothing.</summary>
    private static MarkerStatus? Lag3Status(string comparator, decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            return null;
        }

        return comparator switch
        {
            "" => percent >= Lag3PositiveAtPercent ? MarkerStatus.Positive : MarkerStatus.Negative,
            ">=" or ">" => percent >= Lag3PositiveAtPercent ? MarkerStatus.Positive : null,
            "<" => percent <= Lag3PositiveAtPercent ? MarkerStatus.Negative : null,
            "<=" => percent < Lag3PositiveAtPercent ? MarkerStatus.Negative : null,
            _ => null,
        };
    }

    private static string Comparator(Quantity.QuantityComparator comparator) => comparator switch
    {
        Quantity.QuantityComparator.LessThan => "<",
        Quantity.QuantityComparator.LessOrEqual => "<=",
        Quantity.QuantityComparator.GreaterOrEqual => ">=",
        Quantity.QuantityComparator.GreaterThan => ">",
        _ => "?",
    };

    [GeneratedRegex(@"^\s*(?<op><=|>=|<|>|≤|≥)?\s*(?<value>\d+(\.\d+)?)\s*%")]
    private static partial Regex PercentText();

    private static Dictionary<string, MarkerStatus> Answers(MarkerTest test) => test switch
    {
        MarkerTest.EstrogenReceptor => Estrogen,
        MarkerTest.ProgesteroneReceptor => Progesterone,
        MarkerTest.Her2Ish => Her2Ish,
        MarkerTest.Mlh1Ihc or MarkerTest.Msh2Ihc => MismatchRepair,
        MarkerTest.Lag3Ihc => PresentAbsent,
        _ => Her2,
    };

    private static string Shown(CodeableConcept concept) => FhirValues.Describe(concept) is { Length: > 0 } shown ? shown : "(empty value)";
}
