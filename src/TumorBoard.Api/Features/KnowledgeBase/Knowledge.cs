using TumorBoard.Core.Rules.Civic;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir;
using TumorBoard.KnowledgeBase;
using TumorBoard.KnowledgeBase.Civic;
using TumorBoard.KnowledgeBase.Trials;
using TumorBoard.KnowledgeBase.Vocabularies;
using CoreKnowledgeBase = TumorBoard.Core.Rules.KnowledgeBase;

namespace TumorBoard.Api.Features.KnowledgeBase;

/// <summary>
/// The loaded, validated knowledge: vocabularies, the rule knowledge base and its engine, and the FHIR
/// reader built on them. Loaded once at start-up; a malformed data file stops the service with file,
/// line and reason instead of serving from half a knowledge base.
/// </summary>
public sealed class Knowledge
{
    private volatile TrialSnapshot _trials;

    private Knowledge(Vocabulary vocabulary, CoreKnowledgeBase rules, TrialCatalog trials, CivicLayer? civic = null)
    {
        Civic = civic;
        CivicEngine = civic is null ? null : new RuleEngine(civic.Rules, vocabulary.OncoTree);
        Vocabulary = vocabulary;
        Rules = rules;
        Engine = new RuleEngine(rules, vocabulary.OncoTree);
        ShippedTrials = trials;
        _trials = new TrialSnapshot(trials, new TrialEngine(trials, vocabulary.OncoTree), "");
        BundleReader = new GenomicBundleReader(vocabulary);
    }

    /// <summary>The trial files shipped in the assembly (curated in TumorBoard's own format).</summary>
    public TrialCatalog ShippedTrials { get; }

    /// <summary>
    /// Which <c>trial_versions</c> rows are folded into <see cref="Trials"/> (the newest row's id and time; empty: none):
    /// coordinators' CTML trials are live at once on the instance that stored them and picked up by the others (see TrialCatalogSync).
    /// </summary>
    public string DatabaseTrialsMark => _trials.Mark;

    /// <summary>
    /// Shipped trials plus the current version of every trial coordinators imported. The catalog's hash stays the
    /// shipped files' hash: an import re-matches only the patients its trial can affect (a trial-scoped job), so it
    /// must not make every evaluation stale; each evaluation still names every trial version it used.
    /// </summary>
    public void UseDatabaseTrials(IReadOnlyList<Trial> imported, string mark)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var ids = imported.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var trials = ShippedTrials.Trials.Where(t => !ids.Contains(t.Id))
            .Concat(imported.OrderBy(t => t.Id, StringComparer.Ordinal))
            .ToList();
        var catalog = new TrialCatalog(trials, ShippedTrials.ContentHash);
        _trials = new TrialSnapshot(catalog, new TrialEngine(catalog, Vocabulary.OncoTree), mark);
    }

    private sealed record TrialSnapshot(TrialCatalog Catalog, TrialEngine Engine, string Mark);

    public Vocabulary Vocabulary { get; }

    public CoreKnowledgeBase Rules { get; }

    public RuleEngine Engine { get; }

    public TrialCatalog Trials => _trials.Catalog;

    /// <summary>The CIViC layer, evaluated apart from the curated rules; null when disabled (<c>KnowledgeBase:Civic:Enabled=false</c>).</summary>
    public CivicLayer? Civic { get; }

    public RuleEngine? CivicEngine { get; }

    public TrialEngine TrialEngine => _trials.Engine;

    public GenomicBundleReader BundleReader { get; }

    /// <summary>Knowledge from already-loaded parts (a curator's working copy, or a test's changed knowledge base).</summary>
    public static Knowledge From(Vocabulary vocabulary, CoreKnowledgeBase rules, TrialCatalog trials)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new(vocabulary, rules, trials);
    }

    /// <summary>The same knowledge with the given CIViC layer (null disables it).</summary>
    public Knowledge WithCivic(CivicLayer? civic) => new(Vocabulary, Rules, Trials, civic);

    public static Knowledge LoadEmbedded() => LoadEmbedded(civic: true);

    /// <param name="civic">Load the CIViC layer too (configuration <c>KnowledgeBase:Civic:Enabled</c>, default true).</param>
    public static Knowledge LoadEmbedded(bool civic)
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        // Fails at start-up when a rule or trial names a gene the vocabulary does not resolve to itself.
        var rules = GeneReferences.LoadRules(vocabulary);
        var trials = GeneReferences.CheckTrials(vocabulary, TrialLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs));
        return new Knowledge(vocabulary, rules, trials, civic ? CivicLayerLoader.LoadEmbedded(vocabulary, rules) : null);
    }
}
