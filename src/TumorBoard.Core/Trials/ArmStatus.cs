namespace TumorBoard.Core.Trials;

/// <summary>Accrual status of a trial arm; serialised lower-case (<c>open</c>, <c>closed</c>, <c>suspended</c>).</summary>
public enum ArmStatus
{
    Open,
    Closed,
    Suspended,
}

/// <summary>Text codes of <see cref="ArmStatus"/>.</summary>
public static class ArmStatuses
{
    public static string ToCode(this ArmStatus status) => status switch
    {
        ArmStatus.Open => "open",
        ArmStatus.Closed => "closed",
        _ => "suspended",
    };

    public static bool TryParse(string? code, out ArmStatus status)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "open": status = ArmStatus.Open; return true;
            case "closed": status = ArmStatus.Closed; return true;
            case "suspended": status = ArmStatus.Suspended; return true;
            default: status = default; return false;
        }
    }
}
