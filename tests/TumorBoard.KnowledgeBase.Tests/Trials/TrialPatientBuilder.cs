using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials;
using TumorBoard.Tests.Support;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>Builds trial-engine patients for tests: a tumour, alterations per report, therapies, markers and facts.</summary>
public sealed class TrialPatientBuilder(string? tumor)
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    private readonly List<(string Report, SpecimenRole Role, DateTimeOffset? Collected, Alteration Alteration)> _alterations = [];
    private readonly Dictionary<string, HashSet<string>?> _acquired = new(StringComparer.Ordinal);
    private readonly List<PriorTherapy> _therapies = [];
    private readonly Dictionary<ClinicalMarker, MarkerStatus> _markers = [];
    private readonly Dictionary<ClinicalFact, bool> _facts = [];
    private bool _complete;
    private bool _rules;
    private DateOnly? _birthDate = new(1960, 5, 1);
    private string? _sex;

    public static TrialPatientBuilder Tumor(string? oncotreeCode) => new(oncotreeCode);

    public TrialPatientBuilder Mutation(string gene, string protein, VariantOrigin origin = VariantOrigin.Somatic, SpecimenRole role = SpecimenRole.Metastasis, string report = "met-1") =>
        Add(report, role, Proteins.Mutation(gene, protein, origin));

    public TrialPatientBuilder MetSplice() =>
        Add("met-1", SpecimenRole.Metastasis, new Alteration { Key = "MET c.3028+1G>T", Gene = "MET", Kind = AlterationKind.Snv, CodingChange = "c.3028+1G>T" });

    public TrialPatientBuilder Amplification(string gene, decimal? copies = null) =>
        Add("met-1", SpecimenRole.Metastasis, new Alteration { Key = $"{gene} amplification", Gene = gene, Kind = AlterationKind.Cna, CnaCall = CnaCall.Amplification, CopyNumber = copies });

    public TrialPatientBuilder DeepDeletion(string gene) =>
        Add("met-1", SpecimenRole.Metastasis, new Alteration { Key = $"{gene} deletion", Gene = gene, Kind = AlterationKind.Cna, CnaCall = CnaCall.Deletion });

    public TrialPatientBuilder Fusion(string fivePrime, string threePrime) =>
        Add("met-1", SpecimenRole.Metastasis, new Alteration { Key = $"{fivePrime}::{threePrime}", Gene = threePrime, Kind = AlterationKind.Fusion, FusionGenes = [fivePrime, threePrime] });

    /// <summary>
    /// A ctDNA report; <paramref name="acquired"/> says whether the mutation is newly detected there and rising in blood
    /// (the two inputs trial criteria read); null means it was not compared with an earlier sample.
    /// </summary>
    public TrialPatientBuilder CtdnaMutation(string gene, string protein, bool? acquired, string report = "ctdna-2")
    {
        var alteration = Proteins.Mutation(gene, protein, VariantOrigin.Somatic);
        _acquired[report] = acquired switch
        {
            null => null,
            true => [alteration.Key],
            false => [],
        };
        return Add(report, SpecimenRole.Ctdna, alteration, Today.AddDays(-10));
    }

    /// <summary>Any alteration as the FHIR reader would give it (TMB, a one-gene fusion), in the metastasis report.</summary>
    public TrialPatientBuilder With(Alteration alteration) => Add("met-1", SpecimenRole.Metastasis, alteration);

    public TrialPatientBuilder Sex(string sex)
    {
        _sex = sex;
        return this;
    }

    public TrialPatientBuilder Marker(ClinicalMarker marker, MarkerStatus status)
    {
        _markers[marker] = status;
        return this;
    }

    public TrialPatientBuilder Had(params string[] drugs)
    {
        _therapies.Add(new PriorTherapy(drugs, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        return this;
    }

    public TrialPatientBuilder Receiving(params string[] drugs)
    {
        _therapies.Add(new PriorTherapy(drugs, new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero), null));
        return this;
    }

    /// <summary>The therapy history is known to be complete: an unlisted drug was never given.</summary>
    public TrialPatientBuilder CompleteHistory()
    {
        _complete = true;
        return this;
    }

    public TrialPatientBuilder Fact(ClinicalFact fact, bool value)
    {
        _facts[fact] = value;
        return this;
    }

    /// <summary>The record has no birth date (every case otherwise is an adult born 1960-05-01).</summary>
    public TrialPatientBuilder BirthDateUnknown()
    {
        _birthDate = null;
        return this;
    }

    public TrialPatientBuilder Born(DateOnly birthDate)
    {
        _birthDate = birthDate;
        return this;
    }

    /// <summary>The shipped knowledge base is evaluated for the patient (what the service does), so "no targetable alteration" can be decided.</summary>
    public TrialPatientBuilder RulesEvaluated()
    {
        _rules = true;
        return this;
    }

    public TrialPatient Build() => new()
    {
        OncotreeCode = tumor,
        Samples = _alterations
            .GroupBy(a => a.Report)
            .Select(g => new TrialSample(g.Key, g.First().Role, g.First().Collected, g.Select(a => a.Alteration).ToList(), _acquired.GetValueOrDefault(g.Key)) { RisingKeys = _acquired.GetValueOrDefault(g.Key) })
            .ToList(),
        PriorTherapies = _therapies,
        PriorTherapiesComplete = _complete,
        Markers = _markers,
        Facts = _facts,
        BirthDate = _birthDate,
        Sex = _sex,
        BirthDateSource = _birthDate is null ? null : "Patient.birthDate",
        KnowledgeBaseMatches = _rules
            ? KnowledgeBaseMatch.From(TrialPacks.Rules.Evaluate(new PatientProfile
            {
                OncotreeCode = tumor,
                Alterations = _alterations.Select(a => a.Alteration).ToList(),
                PriorTherapies = _therapies,
                ClinicalMarkers = _markers,
            }))
            : null,
    };

    private TrialPatientBuilder Add(string report, SpecimenRole role, Alteration alteration, DateOnly? collected = null)
    {
        var at = collected ?? Today.AddDays(-30);
        _alterations.Add((report, role, new DateTimeOffset(at.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), alteration));
        return this;
    }
}
