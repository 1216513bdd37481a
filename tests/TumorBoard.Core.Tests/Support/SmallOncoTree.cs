using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Tests.Support;

/// <summary>A hand-built slice of OncoTree 2025-10-03 (codes and parents as in the release) for engine tests.</summary>
public static class SmallOncoTree
{
    public static readonly OncoTree Tree = new("oncotree_2025_10_03 (test slice)",
    [
        new("LUNG", "Lung", "Lung", "LUNG", null),
        new("NSCLC", "Non-Small Cell Lung Cancer", "Non-Small Cell Lung Cancer", "LUNG", "LUNG"),
        new("LUAD", "Lung Adenocarcinoma", "Non-Small Cell Lung Cancer", "LUNG", "NSCLC"),
        new("LUSC", "Lung Squamous Cell Carcinoma", "Non-Small Cell Lung Cancer", "LUNG", "NSCLC"),
        new("LNET", "Lung Neuroendocrine Tumor", "Lung Neuroendocrine Tumor", "LUNG", "LUNG"),
        new("SCLC", "Small Cell Lung Cancer", "Small Cell Lung Cancer", "LUNG", "LNET"),
        new("BOWEL", "Bowel", "Bowel", "BOWEL", null),
        new("COADREAD", "Colorectal Adenocarcinoma", "Colorectal Cancer", "BOWEL", "BOWEL"),
        new("COAD", "Colon Adenocarcinoma", "Colorectal Cancer", "BOWEL", "COADREAD"),
        new("BREAST", "Breast", "Breast Cancer", "BREAST", null),
        new("BRCA", "Invasive Breast Carcinoma", "Breast Cancer", "BREAST", "BREAST"),
        new("IDC", "Breast Invasive Ductal Carcinoma", "Breast Cancer", "BREAST", "BRCA"),
        new("SKIN", "Skin", "Skin Cancer", "SKIN", null),
        new("MEL", "Melanoma", "Melanoma", "SKIN", "SKIN"),
        new("SKCM", "Cutaneous Melanoma", "Melanoma", "SKIN", "MEL"),
        new("MYELOID", "Myeloid", "Myeloid", "MYELOID", null),
        new("MNM", "Myeloid Neoplasms", "Myeloid", "MYELOID", "MYELOID"),
        new("AML", "Acute Myeloid Leukemia", "Leukemia", "MYELOID", "MNM"),
    ]);
}
