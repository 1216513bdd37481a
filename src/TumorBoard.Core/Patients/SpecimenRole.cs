namespace TumorBoard.Core.Patients;

/// <summary>What a report's specimen represents for the tumour board; serialised lower-case.</summary>
public enum SpecimenRole
{
    Unknown,
    Primary,
    Metastasis,
    Ctdna,
    Normal,
}
