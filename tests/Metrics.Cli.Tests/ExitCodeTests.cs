using Metrics.Core.Storage;
using Metrics.Testing;

namespace Metrics.Cli.Tests;

/// <summary>Bad input or configuration: exit code 2, one line naming what was wrong, never a stack trace.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ExitCodeTests
{
    private static void AssertBadInput(CliResult result, params string[] named)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        foreach (var name in named)
        {
            Assert.Contains(name, lines[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_required_option_names_it()
    {
        AssertBadInput(await CliRunner.RunAsync(new Dictionary<string, string?>(), "compare"), "--project");
    }

    [Fact]
    public async Task An_unknown_dataset_names_the_value()
    {
        AssertBadInput(await CliRunner.RunAsync(new Dictionary<string, string?>(), "export", "--dataset", "starz"), "starz", "--dataset");
    }

    [Fact]
    public async Task An_unknown_command_names_it()
    {
        AssertBadInput(await CliRunner.RunAsync(new Dictionary<string, string?>(), "frobnicate"), "frobnicate");
    }

    [Fact]
    public async Task Out_into_a_missing_folder_or_onto_a_folder_is_refused_before_anything_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "stars.csv");
        var folder = Directory.CreateTempSubdirectory("metrics-out-").FullName;
        try
        {
            AssertBadInput(await CliRunner.RunAsync(database.Settings, "export", "--dataset", "stars", "--out", missing), "--out", "does not exist");
            AssertBadInput(await CliRunner.RunAsync(database.Settings, "export", "--dataset", "stars", "--out", folder), "--out", "is a folder");
            Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_reversed_date_range_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);

        AssertBadInput(await CliRunner.RunAsync(database.Settings, "export", "--dataset", "stars", "--from", "2024-05-01", "--to", "2024-01-01"), "--from", "--to");
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_cannot_be_opened()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "these bytes are not a SQLite database, whatever the name says.............................................");
        try
        {
            var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings:Metrics"] = $"Data Source={file}" }, "status", "--offline");

            AssertBadInput(result, "cannot open the database", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_folder_in_place_of_the_database_file_cannot_be_opened()
    {
        var folder = Directory.CreateTempSubdirectory("metrics-db-").FullName;
        try
        {
            var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings:Metrics"] = $"Data Source={folder}" }, "migrate");

            AssertBadInput(result, "cannot open the database", folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_named()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Metrics"] = "Host=127.0.0.1;Port=1;Database=metrics;Username=metrics;Password=secret-pw;Timeout=3",
        };

        var result = await CliRunner.RunAsync(settings, "status", "--offline");

        AssertBadInput(result, "cannot reach the database", "PostgreSQL database 'metrics' on 127.0.0.1:1");
        Assert.DoesNotContain("secret-pw", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_without_the_schema_says_to_migrate()
    {
        var file = Path.Combine(Path.GetTempPath(), $"metrics-empty-{Guid.NewGuid():N}.db");
        try
        {
            var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings:Metrics"] = $"Data Source={file}" }, "status", "--offline");

            AssertBadInput(result, "has no schema yet", "metrics migrate");
        }
        finally
        {
            File.Delete(file);
        }
    }

    // An empty environment variable cannot be set inside this process (.NET removes it), so the real program runs.
    [Fact]
    public async Task An_empty_connection_string_is_refused_instead_of_creating_a_new_database()
    {
        var home = Directory.CreateTempSubdirectory("metrics-home-").FullName;
        try
        {
            var (exit, _, error) = await BuiltPrograms.RunAsync(BuiltPrograms.Program("src/Metrics.Cli", "metrics.dll"), ["status", "--offline"],
                new Dictionary<string, string?> { ["ConnectionStrings__Metrics"] = "", [MetricsHome.Variable] = home });

            Assert.Equal(2, exit);
            Assert.Equal("error: ConnectionStrings:Metrics is empty: unset it for the default SQLite file, or give 'Data Source=FILE' or a PostgreSQL connection string.", error.Trim());
            Assert.Empty(Directory.GetFileSystemEntries(home));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_command_from_the_real_program_exits_2_with_one_line()
    {
        var (exit, output, error) = await BuiltPrograms.RunAsync(BuiltPrograms.Program("src/Metrics.Cli", "metrics.dll"), ["frobnicate"],
            new Dictionary<string, string?>());

        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("Unrecognized command or argument 'frobnicate'", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
