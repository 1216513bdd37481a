namespace TumorBoard.Api.Infrastructure;

/// <summary>The roles of the contract (the <c>role</c> claim) and the policies built from them.</summary>
public static class Roles
{
    public const string Ingest = "ingest";
    public const string Board = "board";
    public const string Trials = "trials";
    public const string Admin = "admin";

    public static readonly string[] All = [Ingest, Board, Trials, Admin];
}

public static class Policies
{
    public const string Ingest = nameof(Ingest);
    public const string ReadPatients = nameof(ReadPatients);
    public const string Review = nameof(Review);
    public const string ReadTrials = nameof(ReadTrials);
    public const string ManageTrials = nameof(ManageTrials);
    public const string ReadAudit = nameof(ReadAudit);
}
