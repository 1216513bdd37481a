using System.Globalization;
using System.Text;
using TumorBoard.KnowledgeBase.Civic;
using TumorBoard.KnowledgeBase.Vocabularies;

// dotnet run --project tools/TumorBoard.CivicImport -c Release            writes the data file and docs/civic-import.md
// dotnet run --project tools/TumorBoard.CivicImport -c Release -- --check  fails when the committed files differ
var check = args.Contains("--check", StringComparer.Ordinal);
var root = CivicImportFiles.FindRepositoryRoot(Directory.GetCurrentDirectory());
var result = CivicImportFiles.Run(root, VocabularyLoader.LoadEmbedded());
var report = Encoding.UTF8.GetBytes(CivicImportReport.Markdown(result));
var outputs = new[] { (CivicImportFiles.OutputPath(root), result.Json), (Path.Combine(root, "docs", "civic-import.md"), report) };

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CIViC rows read {result.Read}, imported {result.Imported} ({result.Rules} rules), skipped {result.Read - result.Imported}"));
foreach (var (reason, count) in result.Skipped)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,5}  {reason}"));
}

if (check)
{
    var stale = outputs.Where(o => !File.Exists(o.Item1) || !File.ReadAllBytes(o.Item1).AsSpan().SequenceEqual(o.Item2)).Select(o => o.Item1).ToList();
    stale.ForEach(p => Console.Error.WriteLine($"out of date: {Path.GetRelativePath(root, p)} (re-run the importer)"));
    return stale.Count == 0 ? 0 : 1;
}

foreach (var (path, bytes) in outputs)
{
    File.WriteAllBytes(path, bytes);
    Console.WriteLine($"wrote {Path.GetRelativePath(root, path)}");
}

return 0;
