using System.Globalization;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>Leaves that read the clinical record and the selection's samples: therapy, age, sex, recency, acquisition, facts, non-match.</summary>
internal static class ClinicalCriteria
{
    public static Verdict Evaluate(TrialCriterion criterion, EvaluationContext context) => criterion switch
    {
        PriorTherapyCriterion prior => PriorTherapy(prior, context),
        AgeCriterion age => Age(age, context),
        SexCriterion sex => context.Patient.Sex is not { Length: > 0 } recorded
            ? Verdict.Unknown("sex not recorded")
            : string.Equals(recorded, sex.Sex, StringComparison.OrdinalIgnoreCase) ? Verdict.Met($"sex {recorded}") : Verdict.Unmet($"sex {recorded}"),
        SpecimenRecencyCriterion recency => Recency(recency, context),
        AcquiredCriterion => Acquired(context),
        RisingInBloodCriterion => Rising(context),
        CopyNumberCriterion copies => CopyNumber(copies, context),
        ClinicalFactCriterion fact => Fact(fact, context),
        NoMatchedArmCriterion nonMatch => NonMatch(nonMatch, context),
        PriorLinesCriterion lines => PriorLineCount.Evaluate(lines, context),
        NoTargetableAlterationCriterion targetable => Targetable.Evaluate(targetable, context),
        _ => throw new NotSupportedException($"Unknown criterion {criterion.GetType().Name}"),
    };

    private static Verdict PriorTherapy(PriorTherapyCriterion criterion, EvaluationContext context)
    {
        var date = context.EvaluationDate;
        PriorTherapy? found = null;
        foreach (var therapy in context.Patient.PriorTherapies)
        {
            if (!therapy.Drugs.Any(d => criterion.ResolvedDrugs.Contains(d, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!criterion.Current || IsOngoing(therapy, date))
            {
                return Verdict.Met($"{(criterion.Current ? "receiving" : "received")} {Therapy(therapy)}");
            }

            found ??= therapy;
        }

        var complete = context.Patient.PriorTherapiesComplete;
        if (found is not null)
        {
            var detail = $"{Therapy(found)} ended before {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            return complete ? Verdict.Unmet(detail) : Verdict.Unknown(detail + "; current therapy not reported");
        }

        return complete ? Verdict.Unmet("none in the complete therapy history") : Verdict.Unknown("not reported in the therapy history");
    }

    private static bool IsOngoing(PriorTherapy therapy, DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return (therapy.Start is null || therapy.Start.Value.UtcDateTime.Date <= day)
            && (therapy.End is null || therapy.End.Value.UtcDateTime.Date >= day);
    }

    /// <summary>The therapy with its period and the record it came from: <c>pembrolizumab (2025-01-01 to 2025-06-01, MedicationStatement/7)</c>.</summary>
    internal static string Therapy(PriorTherapy therapy)
    {
        var start = therapy.Start?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = therapy.End?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parts = new List<string>(2);
        if (start is not null || end is not null)
        {
            parts.Add($"{start ?? "?"} to {end ?? "ongoing"}");
        }

        if (therapy.Source is { Length: > 0 } source)
        {
            parts.Add(source);
        }

        return string.Join(" + ", therapy.Drugs) + (parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})");
    }

    private static Verdict Fact(ClinicalFactCriterion criterion, EvaluationContext context)
    {
        var patient = context.Patient;
        if (!patient.Facts.TryGetValue(criterion.Fact, out var value))
        {
            return Verdict.Unknown($"{criterion.Fact.ToString().ToLowerInvariant()} not recorded (no disease status in the record)");
        }

        var detail = $"recorded: {Yes(value)}" + (patient.FactSources.TryGetValue(criterion.Fact, out var source) ? $" ({source})" : "");
        return value == criterion.Expected ? Verdict.Met(detail) : Verdict.Unmet(detail);
    }

    private static Verdict Age(AgeCriterion criterion, EvaluationContext context)
    {
        if (context.Patient.BirthDate is not { } birth)
        {
            return Verdict.Unknown("birth date not recorded (Patient.birthDate absent)");
        }

        var date = context.EvaluationDate;
        var age = date.Year - birth.Year - (date < birth.AddYears(date.Year - birth.Year) ? 1 : 0);
        var within = (criterion.Min is null || age >= criterion.Min) && (criterion.Max is null || age <= criterion.Max);
        var detail = $"age {age.ToString(CultureInfo.InvariantCulture)} on {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({context.Patient.BirthDateSource ?? "recorded birth date"})";
        return within ? Verdict.Met(detail) : Verdict.Unmet(detail);
    }

    private static Verdict Recency(SpecimenRecencyCriterion criterion, EvaluationContext context)
    {
        var dates = context.Patient.Samples
            .Where(s => context.SelectionHits.Exists(h => h.ReportId == s.ReportId))
            .Select(s => s.CollectedAt)
            .ToList();
        var evaluation = context.EvaluationDate.ToDateTime(TimeOnly.MinValue);
        var known = dates.Where(d => d is not null).Select(d => (evaluation - d!.Value.UtcDateTime.Date).Days).ToList();
        if (known.Count > 0 && known.Min() <= criterion.MaxDays)
        {
            return Verdict.Met($"collected {known.Min().ToString(CultureInfo.InvariantCulture)} days before");
        }

        return known.Count > 0 && known.Count == dates.Count
            ? Verdict.Unmet($"collected {known.Min().ToString(CultureInfo.InvariantCulture)} days before")
            : Verdict.Unknown("collection date not recorded");
    }

    private static Verdict Acquired(EvaluationContext context)
    {
        var compared = true;
        foreach (var hit in context.SelectionHits)
        {
            var sample = context.Patient.Samples.First(s => s.ReportId == hit.ReportId);
            if (sample.AcquiredKeys is null)
            {
                compared = false;
            }
            else if (sample.AcquiredKeys.Contains(hit.Alteration.Key))
            {
                return Verdict.Met($"{hit.Alteration.Key} newly detected in report {hit.ReportId}");
            }
        }

        return compared && context.SelectionHits.Count > 0
            ? Verdict.Unmet("already present in the earlier sample")
            : Verdict.Unknown("no earlier sample compared");
    }

    private static Verdict Rising(EvaluationContext context)
    {
        var assessed = context.SelectionHits.Count > 0;
        foreach (var hit in context.SelectionHits)
        {
            var sample = context.Patient.Samples.First(s => s.ReportId == hit.ReportId);
            if (sample.RisingKeys is null)
            {
                assessed = false;
            }
            else if (sample.RisingKeys.Contains(hit.Alteration.Key))
            {
                return Verdict.Met($"{hit.Alteration.Key} rising in blood in report {hit.ReportId}");
            }
        }

        return assessed
            ? Verdict.Unmet("not newly present or increased in blood under the therapy it resists")
            : Verdict.Unknown("no earlier draw to compare with");
    }

    private static Verdict CopyNumber(CopyNumberCriterion criterion, EvaluationContext context)
    {
        var values = context.SelectionHits.Where(h => h.Alteration.CopyNumber is not null).Select(h => (h.Alteration.Key, Copies: h.Alteration.CopyNumber!.Value)).ToList();
        if (values.Count == 0)
        {
            return Verdict.Unknown("copy number not reported");
        }

        var best = values.MaxBy(v => v.Copies);
        var detail = $"{best.Key}: copy number {best.Copies.ToString(CultureInfo.InvariantCulture)}";
        return best.Copies >= criterion.AtLeast ? Verdict.Met(detail) : Verdict.Unmet(detail);
    }

    private static Verdict NonMatch(NoMatchedArmCriterion criterion, EvaluationContext context)
    {
        if (criterion.ArmIds.Count == 0)
        {
            return Verdict.Unknown("the trial's biomarker arms are not encoded; check for a targetable alteration");
        }

        var fits = criterion.ArmIds
            .Where(id => context.TrialArmResults.TryGetValue(id, out var r) && r.ArmStatus == ArmStatus.Open && r.Status != EligibilityStatus.Ineligible)
            .Select(id => (Id: id, context.TrialArmResults[id].Status))
            .ToList();
        if (fits.Exists(f => f.Status == EligibilityStatus.Eligible))
        {
            return Verdict.Unmet($"fits open biomarker arm {string.Join(", ", fits.Where(f => f.Status == EligibilityStatus.Eligible).Select(f => f.Id))}");
        }

        return fits.Count > 0
            ? Verdict.Unknown($"may fit open biomarker arm {string.Join(", ", fits.Select(f => f.Id))}")
            : Verdict.Met("no open biomarker arm fits");
    }

    private static string Yes(bool value) => value ? "yes" : "no";
}
