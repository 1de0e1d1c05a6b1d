using Metrics.Core;
using Metrics.Web.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddMetricsCore();
builder.AddMetricsWeb();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.MapMetricsWeb();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
