using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.LoadTest.Scenarios;

/// <summary>Specimen sites beyond TestSupport's, coded as a lab would (SNOMED CT body structures).</summary>
public static class Sites
{
    private const string Tissue = "119376003";
    private const string TissueDisplay = "Tissue specimen";

    public static readonly TestSite Prostate = new("41216001", "Prostatic structure", Tissue, TissueDisplay);
    public static readonly TestSite Pancreas = new("15776009", "Pancreatic structure", Tissue, TissueDisplay);
    public static readonly TestSite Skin = new("39937001", "Skin structure", Tissue, TissueDisplay);
    public static readonly TestSite Ovary = new("15497006", "Ovarian structure", Tissue, TissueDisplay);
    public static readonly TestSite Bladder = new("89837001", "Urinary bladder structure", Tissue, TissueDisplay);
    public static readonly TestSite Stomach = new("69695003", "Stomach structure", Tissue, TissueDisplay);
    public static readonly TestSite Thyroid = new("69748006", "Thyroid structure", Tissue, TissueDisplay);
    public static readonly TestSite Kidney = new("64033007", "Kidney structure", Tissue, TissueDisplay);
    public static readonly TestSite Endometrium = new("2739003", "Endometrial structure", Tissue, TissueDisplay);
    public static readonly TestSite LymphNode = new("59441001", "Structure of lymph node", Tissue, TissueDisplay);
    public static readonly TestSite Brain = new("12738006", "Brain structure", Tissue, TissueDisplay);
    public static readonly TestSite Peritoneum = new("15425007", "Peritoneum structure", Tissue, TissueDisplay);
    public static readonly TestSite Rectum = new("34402009", "Rectum structure", Tissue, TissueDisplay);
    public static readonly TestSite Adrenal = new("23451007", "Adrenal gland structure", Tissue, TissueDisplay);
}
