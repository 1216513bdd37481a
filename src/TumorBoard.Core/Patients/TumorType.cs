namespace TumorBoard.Core.Patients;

/// <summary>A tumour type as an OncoTree node.</summary>
public sealed record TumorType(string OncotreeCode, string Name);
