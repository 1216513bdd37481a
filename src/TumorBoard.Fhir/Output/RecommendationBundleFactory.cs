using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Fhir.Output.Recommendations;
using Task = Hl7.Fhir.Model.Task;

namespace TumorBoard.Fhir.Output;

/// <summary>
/// Builds the <c>GET /fhir/Patient/{id}/$recommendations</c> answer: a <c>collection</c> Bundle of
/// Genomics Reporting STU3 resources for one evaluation (docs/fhir.md "FHIR output"). Pure and
/// deterministic: the same input gives the same JSON. Safe to call from any thread.
/// </summary>
public static class RecommendationBundleFactory
{
    public const string MediaType = FhirMediaTypes.Json;

    /// <summary>The Bundle as FHIR JSON.</summary>
    /// <exception cref="ArgumentException">An id is not a FHIR id, ids repeat, or a reported finding rests on no given variant.</exception>
    public static string Create(RecommendationReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        var context = OutputContext.From(input);
        var variants = new VariantIndex(input.Variants);

        var specimens = Specimens.Create(input.Variants, context).ToList();
        var observations = input.Variants.Select(v => VariantObservations.Create(v, context))
            .Concat(input.Therapies.Select(t => TherapyImplications.Create(t, variants, context)))
            .Concat(input.Trials.Select(t => TrialImplications.Create(t, variants, context)).OfType<Observation>())
            .ToList();
        var tasks = input.Therapies.Select(t => MedicationRecommendations.Create(t, context)).OfType<Task>().ToList();
        var specimenUrls = specimens.Select(s => EntryIds.FullUrl("Specimen", s.Id!));
        var observationUrls = observations.Select(o => EntryIds.FullUrl("Observation", o.Id!));

        var bundle = new Bundle
        {
            Id = EntryIds.NameUuid("Bundle/" + input.EvaluationId),
            Type = Bundle.BundleType.Collection,
            Timestamp = input.SignedOffAt,
        };
        Add(bundle, PatientResource(input));
        Add(bundle, GenomicReports.Create(input, specimenUrls, observationUrls, context));
        specimens.ForEach(s => Add(bundle, s));
        observations.ForEach(o => Add(bundle, o));
        tasks.ForEach(t => Add(bundle, t));
        RequireDistinctEntries(bundle);
        return bundle.ToJson();
    }

    /// <summary>Only the service's id and the business identifiers: no names, no birth date.</summary>
    private static Patient PatientResource(RecommendationReportInput input) => new()
    {
        Id = input.PatientId,
        Identifier = input.PatientIdentifiers.Select(i => new Identifier(i.System, i.Value)).ToList(),
    };

    private static void Add(Bundle bundle, Resource resource) =>
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = EntryIds.FullUrl(resource.TypeName, resource.Id!), Resource = resource });

    private static void RequireDistinctEntries(Bundle bundle)
    {
        var repeated = bundle.Entry.GroupBy(e => e.FullUrl, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Two resources of the Bundle share the id behind {repeated.Key}; every id must be distinct.");
        }
    }

    private static void Validate(RecommendationReportInput input)
    {
        EntryIds.Require(input.PatientId, "patient id");
        EntryIds.Require(input.EvaluationId, "evaluation id");
        var observationIds = input.Variants.Select(v => v.Id)
            .Concat(input.Therapies.Select(t => t.RecommendationId))
            .Concat(input.Trials.Select(t => t.RecommendationId))
            .ToList();
        foreach (var id in observationIds)
        {
            EntryIds.Require(id, "variant or recommendation id");
        }

        var repeated = observationIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"The id '{repeated.Key}' is used by more than one variant or recommendation.", nameof(input));
        }
    }
}
