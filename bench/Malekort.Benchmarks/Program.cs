using Malekort.Benchmarks;

return Suite.Run(BenchOptions.Parse(args));
