using System.Text.Json;

namespace Metrics.FakeForge.Tests.Infrastructure;

/// <summary>
/// Asserts an object's field names and JSON value kinds against a spec typed from the forges'
/// example payloads: "name:kind" with kinds s n b o a null, alternatives joined by '|', '?' = or null.
/// </summary>
internal static class Shape
{
    public static void Matches(JsonElement element, string spec)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var expected = Parse(spec);
        var actual = element.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        foreach (var property in element.EnumerateObject())
        {
            var kinds = expected[property.Name];
            Assert.True(kinds.Contains(Kind(property.Value.ValueKind)), $"{property.Name}: expected {string.Join("|", kinds)}, got {property.Value.ValueKind}");
        }
    }

    private static Dictionary<string, HashSet<string>> Parse(string spec) =>
        spec.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToDictionary(
            f => f[..f.LastIndexOf(':')],
            f =>
            {
                var kinds = f[(f.LastIndexOf(':') + 1)..];
                var set = kinds.TrimEnd('?').Split('|').ToHashSet();
                if (kinds.EndsWith('?'))
                {
                    set.Add("null");
                }

                return set;
            });

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "s",
        JsonValueKind.Number => "n",
        JsonValueKind.True or JsonValueKind.False => "b",
        JsonValueKind.Object => "o",
        JsonValueKind.Array => "a",
        _ => "null",
    };
}
