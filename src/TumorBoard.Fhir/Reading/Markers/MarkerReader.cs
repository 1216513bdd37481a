using Hl7.Fhir.Model;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading.Markers;

/// <summary>One marker result read from an Observation or one of its components, located for issues.</summary>
internal sealed record MarkerReading(MarkerTest Test, MarkerStatus Status, DateTimeOffset? EffectiveAt, string Source, string Path);

/// <summary>
/// Reads clinical tumour markers (ER, PR, HER2 IHC/ISH/overall, MLH1 and MSH2 IHC, LAG-3 IHC) from every Observation in
/// the bundle, bundled or contained, whether or not a DiagnosticReport lists it: pathology results often arrive
/// as standalone Observations (mCODE TumorMarkerTest). An Observation may carry several markers as components
/// (an MMR panel). An unreadable value is a warning and sets nothing; duplicates are resolved by
/// <see cref="MarkerResolver"/>.
/// </summary>
internal static class MarkerReader
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "entered-in-error", "cancelled", "registered" };

    /// <summary>True when the Observation is (or contains) a marker result, read here rather than as a report finding.</summary>
    public static bool Handles(Observation observation) =>
        MarkerCodes.Identify(observation.Code) is not null
        || MarkerCodes.MentionsMarker(observation.Code)
        || observation.Component.Any(c => MarkerCodes.Identify(c.Code) is not null);

    public static IReadOnlyList<ParsedMarker> Read(BundleIndex index, Located<Resource>? patient, IssueList issues)
    {
        var readings = new List<MarkerReading>();
        foreach (var observation in Observations(index))
        {
            ReadObservation(observation, index, patient, issues, readings);
        }

        return MarkerResolver.Resolve(readings, issues);
    }

    private static void ReadObservation(Located<Observation> located, BundleIndex index, Located<Resource>? patient, IssueList issues, List<MarkerReading> readings)
    {
        var (observation, path) = (located.Resource, located.Path);
        var own = MarkerCodes.Identify(observation.Code);
        // A component's path is made only for a marker component: every Observation of the bundle is looked at here.
        List<(Observation.ComponentComponent Component, IdentifiedTest Test, int Index)>? parts = null;
        for (var i = 0; i < observation.Component.Count; i++)
        {
            if (MarkerCodes.Identify(observation.Component[i].Code) is { } test)
            {
                (parts ??= []).Add((observation.Component[i], test, i));
            }
        }

        if (own is null && parts is null)
        {
            if (MarkerCodes.MentionsMarker(observation.Code))
            {
                issues.Information("not-supported", $"'{FhirValues.Describe(observation.Code)}' is not one of the marker tests read (ER, PR, HER2 IHC/ISH/status, MLH1/MSH2 IHC by their LOINC codes, LAG-3 IHC by its local code); it is ignored.", $"{path}.code");
            }

            return;
        }

        var status = FhirValues.Raw(observation.StatusElement)?.Trim();
        if (status is not null && Ignored.Contains(status))
        {
            issues.Information("informational", $"The marker observation has status '{status}'; it is ignored.", $"{path}.status");
            return;
        }

        if (OtherSubject(observation, located, index, patient) is { } other)
        {
            issues.Warning("invalid", $"The marker observation's subject is {other}, not the bundle's Patient; it is ignored.", $"{path}.subject");
            return;
        }

        var effectiveAt = EffectiveAt(observation);
        if (own is not null)
        {
            Add(own, observation.Value, observation.Interpretation, effectiveAt, path, issues, readings);
        }

        foreach (var (component, test, position) in parts ?? [])
        {
            Add(test, component.Value, component.Interpretation, effectiveAt, $"{path}.component[{position}]", issues, readings);
        }
    }

    private static void Add(IdentifiedTest identified, DataType? value, List<CodeableConcept> interpretation, DateTimeOffset? effectiveAt, string path, IssueList issues, List<MarkerReading> readings)
    {
        var label = MarkerTests.Label(identified.Test);
        var read = MarkerValues.Read(identified.Test, value, interpretation);
        if (read.Status is not { } status)
        {
            issues.Warning("value", $"The {label} result '{read.Shown}' ({identified.CodeLabel}) cannot be read as {Expected(identified.Test)}; the marker is not set from it.", $"{path}.value");
            return;
        }

        readings.Add(new MarkerReading(identified.Test, status, effectiveAt, $"{identified.CodeLabel} {label} {read.Shown}", path));
    }

    private static string Expected(MarkerTest test) => test switch
    {
        MarkerTest.Her2Ihc or MarkerTest.Her2Overall => "an IHC score (0, 1+, 2+, 3+) or positive / low / equivocal / negative (\"present\" gives no score)",
        MarkerTest.Her2Ish => "amplified / not amplified / equivocal",
        MarkerTest.Mlh1Ihc or MarkerTest.Msh2Ihc => "intact or lost nuclear expression",
        MarkerTest.Lag3Ihc => "positive / negative or a percentage of cells (0-100 %)",
        _ => "positive or negative",
    };

    /// <summary>The resource the subject points at when it is in the bundle and is not the bundle's Patient.</summary>
    private static string? OtherSubject(Observation observation, Located<Observation> located, BundleIndex index, Located<Resource>? patient)
    {
        if (observation.Subject is null || patient is null)
        {
            return null;
        }

        var target = index.Resolve(observation.Subject, new Located<Resource>(observation, located.Path));
        return target is not null && !ReferenceEquals(target.Resource, patient.Resource) ? target.Path : null;
    }

    /// <summary>effective[x] (dateTime, Period start, instant), else <c>issued</c>.</summary>
    private static DateTimeOffset? EffectiveAt(Observation observation) => observation.Effective switch
    {
        FhirDateTime or Period => FhirValues.Span(observation.Effective).Start,
        Instant instant => FhirValues.Date(FhirValues.Raw(instant)),
        _ => null,
    } ?? FhirValues.Date(FhirValues.Raw(observation.IssuedElement));

    /// <summary>Every bundled Observation, then the Observations contained in any bundled resource.</summary>
    private static IEnumerable<Located<Observation>> Observations(BundleIndex index)
    {
        foreach (var entry in index.All<Resource>())
        {
            if (entry.Resource is Observation observation)
            {
                yield return new Located<Observation>(observation, entry.Path);
            }

            if (entry.Resource is DomainResource domain)
            {
                for (var i = 0; i < domain.Contained.Count; i++)
                {
                    if (domain.Contained[i] is Observation contained)
                    {
                        yield return new Located<Observation>(contained, $"{entry.Path}.contained[{i}]");
                    }
                }
            }
        }
    }
}
