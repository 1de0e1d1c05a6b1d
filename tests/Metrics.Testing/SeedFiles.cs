using System.Text.Json.Nodes;

namespace Metrics.Testing;

/// <summary>A private copy of the repository's seed files that a test may edit.</summary>
public sealed class SeedFiles : IDisposable
{
    public SeedFiles()
    {
        Directory.CreateDirectory(Path);
        foreach (var file in Directory.GetFiles(TestDatabase.SeedsDirectory, "*.json"))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"metrics-seeds-{Guid.NewGuid():N}", "seeds");

    public string ProjectsPath => System.IO.Path.Combine(Path, "projects.json");
    public string MilestonesPath => System.IO.Path.Combine(Path, "milestones.json");

    public JsonArray Projects => (JsonArray)Read(ProjectsPath)["projects"]!;
    public JsonArray Milestones => (JsonArray)Read(MilestonesPath)["milestones"]!;

    public void EditProjects(Action<JsonArray> edit) => Edit(ProjectsPath, "projects", edit);
    public void EditMilestones(Action<JsonArray> edit) => Edit(MilestonesPath, "milestones", edit);

    public void Write(string file, string text) => File.WriteAllText(System.IO.Path.Combine(Path, file), text);

    private static JsonNode Read(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    private static void Edit(string path, string property, Action<JsonArray> edit)
    {
        var root = Read(path);
        edit((JsonArray)root[property]!);
        File.WriteAllText(path, root.ToJsonString());
    }

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
