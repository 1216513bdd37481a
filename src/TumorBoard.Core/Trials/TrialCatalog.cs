namespace TumorBoard.Core.Trials;

/// <summary>Every loaded trial with the SHA-256 over all trial files, so an evaluation points at exactly what it used.</summary>
public sealed record TrialCatalog(IReadOnlyList<Trial> Trials, string ContentHash)
{
    public Trial? Find(string trialId) => Trials.FirstOrDefault(t => string.Equals(t.Id, trialId, StringComparison.OrdinalIgnoreCase));

    /// <summary>A version string naming each trial file's version (<c>Lung-MAP@2026.1;NCI-MATCH@2026.1</c>), for evaluation records.</summary>
    public string Version => string.Join(';', Trials.Select(t => $"{t.Id}@{t.Version}"));
}
