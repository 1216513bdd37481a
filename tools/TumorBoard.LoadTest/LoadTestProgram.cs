using TumorBoard.LoadTest.Evolution;
using TumorBoard.LoadTest.Ingest;
using TumorBoard.LoadTest.Trials;

namespace TumorBoard.LoadTest;

/// <summary>Entry point: <c>ingest</c>, <c>parse</c>, <c>trials-bench</c> or <c>evolution</c> (see docs/performance.md).</summary>
internal static class LoadTestProgram
{
    private const string Usage = """
        usage:
          ingest [--url http://127.0.0.1:5080|none] [--fsync off|on|both] [--commit-delay us] [--bundles 400 | --seconds 45]
                 [--clients 8] [--warmup 32] [--returning N] [--profile N] [--statements 15] [--seed N] [--connection-options "Max Auto Prepare=0"]
          parse [--iterations 2000] [--warmup 300] [--seed N]
          trials-bench [--connection <npgsql connection string>|none] [--patients 100000] [--batch-size 500]
                       [--requests 200] [--seed N]
          evolution [--url http://127.0.0.1:5080|none] [--requests 200] [--clients 1] [--warmup 20]
        """;

    public static async Task<int> Main(string[] args)
    {
        CommandArguments parsed;
        try
        {
            parsed = CommandArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        switch (parsed.Command)
        {
            case "ingest":
                return await IngestCommand.RunAsync(parsed);
            case "parse":
                return ParseTimer.Run(parsed);
            case "trials-bench":
                return await TrialsBenchCommand.RunAsync(parsed);
            case "evolution":
                return await EvolutionCommand.RunAsync(parsed);
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
