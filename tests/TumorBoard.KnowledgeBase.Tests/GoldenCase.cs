using System.Text.Json;
using System.Text.Json.Serialization;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Tests.Support;

namespace TumorBoard.KnowledgeBase.Tests;

/// <summary>A golden case file: a patient (tumour, alterations, prior therapies, markers) and the expected recommendations.</summary>
public sealed class GoldenCase
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public string Name { get; set; } = "";

    public string? Tumor { get; set; }

    public IReadOnlyList<GoldenAlteration> Alterations { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> PriorTherapies { get; init; } = [];

    public IReadOnlyDictionary<string, string> Markers { get; init; } = new Dictionary<string, string>();

    public GoldenExpectation Expect { get; set; } = new();

    public PatientProfile ToProfile() => new()
    {
        OncotreeCode = Tumor,
        Alterations = Alterations.Select(a => a.ToAlteration()).ToList(),
        PriorTherapies = PriorTherapies.Select(drugs => new PriorTherapy(drugs, null, null)).ToList(),
        PlasmaOnlyAlterationKeys = Alterations.Where(a => a.PlasmaOnly).Select(a => a.ToAlteration().Key).ToHashSet(StringComparer.Ordinal),
        ClinicalMarkers = Markers.ToDictionary(
            m => m.Key switch { "HR" => ClinicalMarker.HormoneReceptor, "ER" => ClinicalMarker.EstrogenReceptor, "PR" => ClinicalMarker.ProgesteroneReceptor, _ => ClinicalMarker.Her2 },
            m => Enum.Parse<MarkerStatus>(m.Value, ignoreCase: true)),
    };
}

public sealed class GoldenAlteration
{
    public string Gene { get; set; } = "";

    public string? Kind { get; set; }

    public string? Protein { get; set; }

    public string? CodingChange { get; set; }

    public string? Description { get; set; }

    public string? CnaCall { get; set; }

    public decimal? CopyNumber { get; set; }

    public IReadOnlyList<string>? FusionGenes { get; init; }

    public decimal? Value { get; set; }

    public string? Key { get; set; }

    public string? Origin { get; set; }

    public decimal? Vaf { get; set; }

    /// <summary>Found only in a plasma (ctDNA) sample, in no tissue.</summary>
    public bool PlasmaOnly { get; set; }

    public Alteration ToAlteration()
    {
        var protein = Protein is null ? null : Proteins.Parse(Protein);
        var kind = Kind is not null ? Enum.Parse<AlterationKind>(Kind, ignoreCase: true)
            : FusionGenes is not null ? AlterationKind.Fusion
            : CnaCall is not null || CopyNumber is not null ? AlterationKind.Cna
            : protein is { Kind: ProteinChangeKind.Missense or ProteinChangeKind.Nonsense } || protein is null ? AlterationKind.Snv : AlterationKind.Indel;
        var key = Key ?? kind switch
        {
            AlterationKind.Fusion => string.Join("::", FusionGenes!),
            AlterationKind.Cna => $"{Gene} {(CnaCall ?? "copy number").ToLowerInvariant()}",
            AlterationKind.Tmb => "TMB",
            _ => $"{Gene} {Protein ?? CodingChange ?? Description}",
        };
        return new Alteration
        {
            Key = key,
            Gene = FusionGenes is { Count: > 0 } && Gene.Length == 0 ? FusionGenes[^1] : Gene,
            Kind = kind,
            Protein = protein,
            CodingChange = CodingChange,
            Description = Description,
            CnaCall = CnaCall is null ? null : Enum.Parse<CnaCall>(CnaCall, ignoreCase: true),
            CopyNumber = CopyNumber,
            FusionGenes = FusionGenes,
            Value = Value,
            Origin = Origin is null ? VariantOrigin.Unknown : Enum.Parse<VariantOrigin>(Origin, ignoreCase: true),
            Vaf = Vaf,
        };
    }
}

public sealed class GoldenExpectation
{
    /// <summary>Rules that must fire, with effect and level (and tumour-type match when given).</summary>
    public IReadOnlyList<GoldenTherapy> Therapies { get; init; } = [];

    /// <summary>When true, no other rule may fire.</summary>
    public bool Exactly { get; set; }

    /// <summary>Rule ids, or id prefixes ending in '/', that must not fire.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Drug sets that must be reported in conflict.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Conflicts { get; init; } = [];

    /// <summary>When true, the evaluation must report no conflict at all.</summary>
    public bool NoConflicts { get; set; }

    public IReadOnlyList<string> Declined { get; init; } = [];

    public IReadOnlyList<string> WarningsContain { get; init; } = [];

    public IReadOnlyList<string> Unscoped { get; init; } = [];

    /// <summary>Alteration keys that must raise a "consider germline testing" referral.</summary>
    public IReadOnlyList<string> Referrals { get; init; } = [];

    /// <summary>When true, no germline referral may be raised.</summary>
    public bool NoReferrals { get; set; }
}

public sealed class GoldenTherapy
{
    public string Rule { get; set; } = "";

    public string? Effect { get; set; }

    public string? Level { get; set; }

    [JsonPropertyName("tumorTypeMatch")]
    public string? TumorTypeMatch { get; set; }

    /// <summary>Texts that must each appear in one of the rule's caveats.</summary>
    public IReadOnlyList<string> CaveatsContain { get; init; } = [];

    /// <summary>Flags the rule must carry (histology-assumed, possible-clonal-haematopoiesis, germline-referral...).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Flags the rule must not carry.</summary>
    public IReadOnlyList<string> NoFlags { get; init; } = [];

    /// <summary>Expected precondition statuses in order: met, not met, unknown.</summary>
    public IReadOnlyList<string>? Preconditions { get; init; }
}
