using Metrics.Core.Storage;
using Metrics.Testing;

namespace Metrics.Web.Tests.FirstRun;

/// <summary>The web app, started as `dotnet run` starts it, stops on a bad setting with exit code 2 and one line naming it.</summary>
public sealed class StartupExitTests
{
    [Theory]
    [InlineData("--Database:Provider=Mongo", "error: Database:Provider must be 'Sqlite' or 'Postgres', not 'Mongo'.")]
    [InlineData("--ConnectionStrings:Metrics=Mode=ReadOnly", "error: ConnectionStrings:Metrics names no SQLite file")]
    public async Task A_bad_setting_exits_with_2_naming_the_key(string argument, string expected)
    {
        var home = Directory.CreateTempSubdirectory("metrics-home-").FullName;
        try
        {
            var (exit, _, error) = await BuiltPrograms.RunAsync(BuiltPrograms.Program("src/Metrics.Web", "Metrics.Web.dll"),
                [argument, "--urls=http://127.0.0.1:0"], new Dictionary<string, string?> { [MetricsHome.Variable] = home, ["Dashboard__CollectOnFirstStart"] = "false" });

            Assert.Equal(2, exit);
            Assert.StartsWith(expected, error.Trim(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_exits_with_2_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("metrics-db-").FullName;
        try
        {
            var (exit, _, error) = await BuiltPrograms.RunAsync(BuiltPrograms.Program("src/Metrics.Web", "Metrics.Web.dll"),
                [$"--ConnectionStrings:Metrics=Data Source={folder}", "--urls=http://127.0.0.1:0"], new Dictionary<string, string?> { ["Dashboard__CollectOnFirstStart"] = "false" });

            Assert.Equal(2, exit);
            Assert.StartsWith($"error: cannot open the database (SQLite {folder})", error.Trim(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
