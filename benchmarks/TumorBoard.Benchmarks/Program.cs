using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(TumorBoard.Benchmarks.RuleEngineBenchmark).Assembly).Run(args);
