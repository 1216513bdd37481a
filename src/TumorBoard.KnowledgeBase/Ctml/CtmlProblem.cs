namespace TumorBoard.KnowledgeBase.Ctml;

/// <summary>One problem of a CTML document, located by a JSON path (<c>$.treatment_list.step[0].arm[1].match[0].and[2].genomic.hugo_symbol</c>).</summary>
public sealed record CtmlProblem(string Path, string Message);
