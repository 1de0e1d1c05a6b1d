using Metrics.Bench;

return await BenchCommand.RunAsync(args);
