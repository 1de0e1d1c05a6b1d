using System.Text.Json;
using System.Text.Json.Serialization;

namespace Metrics.FakeForge.World;

/// <summary>Saves and loads a world as JSON (the parameters, not the derived counts).</summary>
public static class WorldFile
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(ForgeWorld world) => JsonSerializer.Serialize(world, Options);

    public static ForgeWorld FromJson(string json) =>
        JsonSerializer.Deserialize<ForgeWorld>(json, Options) ?? throw new InvalidDataException("The world file is empty.");

    public static ForgeWorld Load(string path) => FromJson(File.ReadAllText(path));
}
