using System.Collections.ObjectModel;
using TumorBoard.Core.Ingestion;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>What to do with each report of a bundle: insert, replace (with the stored row), keep, or refuse.</summary>
public sealed class ReportPlan
{
    public Collection<(ParsedReport Report, ReportEntity? Replaces)> Changes { get; } = [];

    public Collection<Guid> ReportIds { get; } = [];

    public Collection<IngestIssue> Conflicts { get; } = [];

    public void Add(ParsedReport report, ReportEntity? replaces) => Changes.Add((report, replaces));
}
