namespace TumorBoard.TestSupport.Fhir;

/// <summary>A specimen's collection site and type, as a lab would code it (SNOMED CT).</summary>
public sealed record TestSite(string? BodySiteCode, string BodySiteDisplay, string TypeCode, string TypeDisplay)
{
    public static readonly TestSite Lung = new("39607008", "Lung structure", "122610009", "Specimen from lung obtained by biopsy");
    public static readonly TestSite Liver = new("10200004", "Liver structure", "309502007", "Specimen from liver");
    public static readonly TestSite Breast = new("76752008", "Breast structure", "309075002", "Specimen from breast");
    public static readonly TestSite Colon = new("71854001", "Colon structure", "309075002", "Tissue specimen");
    public static readonly TestSite Bone = new("272673000", "Bone structure", "309075002", "Tissue specimen");
    public static readonly TestSite Plasma = new(null, "Peripheral blood", "119361006", "Plasma specimen");
}
