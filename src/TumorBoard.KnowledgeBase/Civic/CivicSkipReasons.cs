namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>Why the importer did not turn a CIViC row into rules; each row is counted under its first reason, in this order.</summary>
public static class CivicSkipReasons
{
    public const string NotAccepted = "status not accepted";
    public const string NotPredictive = "not a predictive evidence item";
    public const string NotSupports = "direction is not 'Supports'";
    public const string OtherSignificance = "significance other than sensitivity/response or resistance";
    public const string LevelC = "evidence level C (case study)";
    public const string LevelD = "evidence level D (preclinical)";
    public const string LevelE = "evidence level E (inferential)";
    public const string Flagged = "flagged for revision in CIViC";
    public const string CommonGermline = "common germline variant (polymorphism)";
    public const string ProfileNotOrNested = "molecular profile with NOT, parentheses or mixed AND/OR";
    public const string GeneLevel = "gene-level mutation class (needs an oncogenicity annotation)";
    public const string Expression = "expression, methylation, protein or burden-level variant";
    public const string Wildtype = "wild-type variant";
    public const string Polymorphism = "germline polymorphism or coding-only notation (rs id, c.)";
    public const string RegionWithoutClass = "exon, domain or region variant without a curated class";
    public const string UnsupportedVariant = "variant text not parsed";
    public const string GeneUnresolved = "gene not resolved by the HGNC vocabulary";
    public const string DiseaseUnmapped = "disease not mapped to OncoTree";
    public const string Sequential = "sequential therapy (not representable as one therapy)";
    public const string NoTherapy = "no therapy";
    public const string DrugUnknown = "therapy not in the drug vocabulary";

    /// <summary>Every reason in check order, for reports.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        NotAccepted, NotPredictive, NotSupports, OtherSignificance, LevelC, LevelD, LevelE, Flagged, CommonGermline, ProfileNotOrNested,
        GeneLevel, Expression, Wildtype, Polymorphism, RegionWithoutClass, UnsupportedVariant, GeneUnresolved, DiseaseUnmapped,
        Sequential, NoTherapy, DrugUnknown,
    ];
}
