using Metrics.Cli;

return await MetricsCommandLine.Build().Parse(args).InvokeAsync();
