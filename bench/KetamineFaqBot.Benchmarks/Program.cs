using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(KetamineFaqBot.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
