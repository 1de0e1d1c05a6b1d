using Metrics.Core.Storage;
using Metrics.Testing;

namespace Metrics.Cli.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class CommandTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_then_seed_imports_the_catalog_and_a_second_seed_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var migrate = await CliRunner.RunAsync(database.Settings, "migrate");
        var again = await CliRunner.RunAsync(database.Settings, "migrate");
        var seed = await CliRunner.RunAsync(database.Settings, "seed");
        var reseed = await CliRunner.RunAsync(database.Settings, "seed");

        Assert.Equal((0, 0, 0, 0), (migrate.ExitCode, again.ExitCode, seed.ExitCode, reseed.ExitCode));
        Assert.Matches(@"Applied \d+ migration\(s\)", migrate.Output);
        Assert.Contains("up to date", again.Output, StringComparison.Ordinal);
        using var seeds = new SeedFiles();
        Assert.Contains($"milestones: {seeds.Milestones.Count} added", seed.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing to change", reseed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_seed_file_exits_with_2_and_names_the_field()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        using var seeds = new SeedFiles();
        seeds.EditMilestones(m => m[0]!["date"] = "someday");

        var result = await CliRunner.RunAsync(database.Settings, "seed", "--seeds", seeds.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("field 'date': 'someday' is not a valid date", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database:Provider", "Mongo", "Database:Provider must be 'Sqlite' or 'Postgres', not 'Mongo'")]
    [InlineData("ConnectionStrings:Metrics", "not a connection string", "ConnectionStrings:Metrics is not a connection string")]
    public async Task An_invalid_setting_stops_before_any_work_and_names_the_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var result = await CliRunner.RunAsync(settings, "migrate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_explains_each_command()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?>(), "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("migrate", result.Output, StringComparison.Ordinal);
        Assert.Contains("Import the essay's projects and milestones", result.Output, StringComparison.Ordinal);
    }
}
