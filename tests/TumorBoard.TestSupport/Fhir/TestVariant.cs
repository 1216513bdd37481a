namespace TumorBoard.TestSupport.Fhir;

/// <summary>One result of a test report: a variant, a copy-number change, a fusion, TMB or MSI.</summary>
public abstract record TestResult;

public sealed record TestVariant(string Gene, string? ProteinHgvs, string? CodingHgvs = null, decimal? Vaf = null, string Origin = "somatic", string? Text = null) : TestResult;

public sealed record TestCopyNumber(string Gene, decimal CopyNumber) : TestResult;

public sealed record TestFusion(string FivePrimeGene, string ThreePrimeGene) : TestResult;

public sealed record TestTmb(decimal MutationsPerMegabase) : TestResult;

public sealed record TestMsi(bool High) : TestResult;

/// <summary>A genomics report of the bundle: its lab identifier, status, specimen and results.</summary>
public sealed record TestReport(string Accession, TestSite Site, DateTimeOffset CollectedAt, IReadOnlyList<TestResult> Results, string Status = "final");

/// <summary>The genes the report declares it studied (an STU2/mCODE region-studied Observation).</summary>
public sealed record TestPanel(IReadOnlyList<string> Genes) : TestResult;

/// <summary>A clinical tumour marker result (mCODE TumorMarkerTest): a LOINC test and a coded value, or text only.</summary>
public sealed record TestMarker(string LoincCode, string Display, string? ValueCode, string ValueText);
