namespace Metrics.Core.Storage;

/// <summary>
/// The folder a relative SQLite file (and the default one, <c>data/metrics.db</c>) lives under, the same for the web
/// app, the CLI and the scripts whatever folder they are started from: the repository root when the program runs
/// from a clone (the folder holding <c>Metrics.sln</c> above the program), else the user's data folder
/// (<c>~/.local/share/metrics</c> on Linux). <c>METRICS_HOME</c> overrides both.
/// </summary>
public static class MetricsHome
{
    public const string Variable = "METRICS_HOME";

    public static string Directory => Find(Environment.GetEnvironmentVariable(Variable), AppContext.BaseDirectory);

    internal static string Find(string? overridden, string programDirectory)
    {
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return Path.GetFullPath(overridden);
        }

        for (var folder = new DirectoryInfo(programDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Metrics.sln")))
            {
                return folder.FullName;
            }
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "metrics");
    }
}
