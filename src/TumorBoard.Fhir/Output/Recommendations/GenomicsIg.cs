namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>Profiles and code systems of the Genomics Reporting IG STU3 (reference/fhir.md section a) that the output uses.</summary>
internal static class GenomicsIg
{
    public const string ProfileBase = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/";
    public const string GenomicReport = ProfileBase + "genomic-report";
    public const string Variant = ProfileBase + "variant";
    public const string MolecularBiomarker = ProfileBase + "molecular-biomarker";
    public const string TherapeuticImplication = ProfileBase + "therapeutic-implication";
    public const string MedicationRecommendation = ProfileBase + "medication-recommendation";

    public const string TbdCodes = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs";
    public const string BiomarkerOntology = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/molecular-biomarker-ontology-cs";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string V2Section = "http://terminology.hl7.org/CodeSystem/v2-0074";
    public const string Hgvs = "http://varnomen.hgvs.org";
    public const string SequenceOntology = "http://www.sequenceontology.org";
    public const string RefSeq = "http://www.ncbi.nlm.nih.gov/refseq";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ClinicalTrials = "http://clinicaltrials.gov";

    /// <summary>R4 core extension the implication and genomic-report profiles slice for citations.</summary>
    public const string WorkflowRelatedArtifact = "http://hl7.org/fhir/StructureDefinition/workflow-relatedArtifact";

    // LOINC answers and SNOMED CT concepts, each as the IG's STU3 examples spell them.
    public const string Present = "LA9633-4";
    public const string Responsive = "LA6677-4";
    public const string Resistant = "LA6676-6";
    public const string ConsiderAlternativeMedication = "LA26421-0";
    public const string EligibleForTrial = "399223003";
    public const string SequencingMethod = "LA26398-0";
}
