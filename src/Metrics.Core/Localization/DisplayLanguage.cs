namespace Metrics.Core.Localization;

/// <summary>
/// The language that text read from the database is shown in (project names, milestone titles): English unless a
/// caller chose Chinese for what runs inside <see cref="Use"/>. The web app chooses per request; an export per its
/// <c>lang</c>. Deliberately not the thread's culture, which a server or a terminal may set to Chinese without anyone
/// asking for Chinese text in a CSV.
/// </summary>
public static class DisplayLanguage
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    private static readonly AsyncLocal<string?> Chosen = new();

    public static string Current => Chosen.Value ?? English;

    public static bool IsChinese => Current == Chinese;

    /// <summary>Text in <paramref name="chinese"/> when Chinese is chosen and there is some, else the English.</summary>
    public static string Pick(string english, string? chinese) => IsChinese && !string.IsNullOrWhiteSpace(chinese) ? chinese : english;

    /// <summary>Chooses the language for the calling flow until the result is disposed (then the previous one again).</summary>
    public static IDisposable Use(string language)
    {
        var previous = Chosen.Value;
        Chosen.Value = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Chosen.Value = previous;
    }
}
