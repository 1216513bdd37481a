namespace TumorBoard.Core.Alterations;

/// <summary>Genomic source class (LOINC 48002-0): whether the variant is somatic or inherited.</summary>
public enum VariantOrigin
{
    Unknown,
    Somatic,
    Germline,
}
