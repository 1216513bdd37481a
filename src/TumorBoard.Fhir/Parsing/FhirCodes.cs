namespace TumorBoard.Fhir.Parsing;

/// <summary>Code systems and codes the reader recognises (reference/fhir.md sections a and b).</summary>
internal static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string V2SpecimenType = "http://terminology.hl7.org/CodeSystem/v2-0487";
    public const string HgncStu3 = "http://www.genenames.org";
    public const string HgncStu1 = "http://www.genenames.org/geneId";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    public const string GenomicReport = "51969-4";
    public const string MasterGeneticPanel = "81247-9";
    public const string GeneticsCategory = "GE";

    public const string Variant = "69548-6";
    public const string Tmb = "94076-7";
    public const string Msi = "81695-9";
    public const string RegionStudied = "53041-0";

    public const string GeneStudied = "48018-6";
    public const string ProteinHgvs = "48005-3";
    public const string CodingHgvs = "48004-6";
    public const string GenomicHgvs = "81290-9";
    public const string TranscriptRefSeq = "51958-7";
    public const string VariationCode = "81252-9";
    public const string AlleleFrequency = "81258-6";
    public const string CopyNumber = "82155-3";
    public const string GenomicSourceClass = "48002-0";
    public const string CodingChangeType = "48019-4";
    public const string CytogenomicNomenclature = "81291-7";
    public const string ConclusionString = "conclusion-string";

    public const string Germline = "LA6683-2";
    public const string Somatic = "LA6684-0";
    public const string Absent = "LA9634-2";
    public const string NoCall = "LA18198-4";
    public const string MsiHigh = "LA26203-2";
    public const string MsiStable = "LA14122-8";

    public const string TherapeuticImplication = "therapeutic-implication";
    public const string DiagnosticImplication = "diagnostic-implication";
    public const string MedicationAssessed = "51963-7";
    public const string EvidenceLevel = "93044-6";
    public const string ClinicalSignificance = "53037-8";
    public const string PhenotypicContext = "81259-4";
    public const string AssociatedTherapy = "associated-therapy";

    public const string GenomicStudyReference = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/genomic-study-reference";
    public const string GenomicStudyAnalysis = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/genomic-study-analysis-ext";
    public const string GenomicStudyRegions = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/genomic-study-analysis-regions";
    public const string GenomicStudySpecimen = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/genomic-study-analysis-specimen";
    public const string HistologyMorphology = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";

    /// <summary>Sequence Ontology change types that mean a fusion or rearrangement.</summary>
    public static readonly HashSet<string> FusionChangeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "SO:0001565", "SO:0001886", "SO:0000199", "SO:1000044", "SO:0002062",
    };

    /// <summary>Sequence Ontology change types that mean a copy-number change.</summary>
    public static readonly HashSet<string> CopyNumberChangeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "SO:0001019", "SO:0001742", "SO:0001743",
    };

    /// <summary>Sequence Ontology change types of small insertions/deletions.</summary>
    public static readonly HashSet<string> IndelChangeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "SO:0000159", "SO:0000667", "SO:1000032", "SO:1000035",
    };

    /// <summary>Specimen type codes of blood, plasma and serum (SNOMED and v2-0487).</summary>
    public static readonly HashSet<string> BloodSpecimenTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "119297000", "119361006", "119364003", "122555007", "BLD", "BLDV", "BLDA", "BLDC", "PLAS", "SER", "PLB",
    };
}
