namespace TumorBoard.Core.Patients;

/// <summary>A business identifier (system + value) of a patient or a report, as FHIR Identifier carries it.</summary>
public sealed record BusinessIdentifier(string System, string Value)
{
    public override string ToString() => $"{System}|{Value}";
}
