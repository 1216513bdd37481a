using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.LoadTest.Evolution;

/// <summary>
/// The issue 17 benchmark patient as FHIR (the shape of benchmarks' EvolutionBenchmark): lung adenocarcinoma with
/// 10 samples (the primary, liver and bone metastases, seven plasma draws) and 500 distinct alterations (EGFR L858R and
/// 49 more truncal, the rest in about two thirds of the samples), EGFR T790M rising in the draws under erlotinib.
/// One bundle per report, as a lab sends them; about 3,400 variant Observations in all.
/// </summary>
public static class EvolutionPatient
{
    private static readonly string[] Genes =
        ["TTN", "MUC16", "CSMD3", "RYR2", "LRP1B", "ZFHX4", "USH2A", "FAT4", "KMT2D", "SPTA1", "NOTCH1", "ARID1A", "KEAP1", "SMAD4", "CDKN2A", "RB1", "ATRX", "NF1", "PTPRD", "FAT1"];

    private static readonly DateTimeOffset Diagnosis = new(2023, 1, 10, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<string> Bundles(string run)
    {
        var sites = new[] { TestSite.Lung, TestSite.Liver, TestSite.Bone }.Concat(Enumerable.Repeat(TestSite.Plasma, 7)).ToArray();
        var bundles = new List<string>(sites.Length);
        for (var s = 0; s < sites.Length; s++)
        {
            var results = new List<TestResult> { new TestVariant("EGFR", "p.Leu858Arg", null, 0.3m) };
            if (s >= 4)
            {
                results.Add(new TestVariant("EGFR", "p.Thr790Met", null, 0.005m * (s - 3)));
            }

            for (var i = 0; i < 499; i++)
            {
                if (i < 50 || (i + s) % 3 != 0)
                {
                    results.Add(new TestVariant(Genes[i % Genes.Length], $"p.Ala{100 + i}Val", null, 0.05m + (0.001m * (i % 200))));
                }
            }

            bundles.Add(new GenomicBundleBuilder("urn:tumorboard:load-test:mrn", $"EVO-{run}")
                .PrimaryCancer("http://oncotree.mskcc.org", "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
                .Metastasis(TestSite.Liver)
                .Metastasis(TestSite.Bone)
                .Therapy("erlotinib", Diagnosis.AddMonths(2))
                .Report(new TestReport($"EVO-{run}-{s}", sites[s], Diagnosis.AddMonths(s * 2), results))
                .ToJson());
        }

        return bundles;
    }
}
