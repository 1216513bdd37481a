// Firely's POCO elements are all nullable; here a missing element should fail the test (with a
// NullReferenceException), so the nullable warnings would only add '!' noise.
#nullable disable warnings

using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Fhir.Output;

namespace TumorBoard.Fhir.Tests.Recommendations;

/// <summary>Builds the $recommendations Bundle and gives typed access to its entries.</summary>
internal sealed class BundleReading
{
    public const string ProfileBase = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/";

    public BundleReading(RecommendationReportInput input)
    {
        Json = RecommendationBundleFactory.Create(input);
        Bundle = new FhirJsonDeserializer().Deserialize<Bundle>(Json);
    }

    public string Json { get; }

    public Bundle Bundle { get; }

    public Resource ByUrl(string url) => Bundle.Entry.Single(e => e.FullUrl == url).Resource!;

    public string UrlOf(Resource resource) => Bundle.Entry.Single(e => ReferenceEquals(e.Resource, resource)).FullUrl;

    public IEnumerable<T> All<T>() where T : Resource => Bundle.Entry.Select(e => e.Resource).OfType<T>();

    public Observation Observation(string id) => All<Observation>().Single(o => o.Id == id);

    public IEnumerable<Observation> WithProfile(string profile) =>
        All<Observation>().Where(o => o.Meta.Profile.Contains(ProfileBase + profile));

    /// <summary>The component values of one code (LOINC or IG tbd code), in order.</summary>
    public static IEnumerable<CodeableConcept> Components(Observation observation, string code) =>
        observation.Component.Where(c => c.Code.Coding.Any(x => x.Code == code)).Select(c => c.Value).OfType<CodeableConcept>();
}
