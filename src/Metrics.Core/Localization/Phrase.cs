using System.Globalization;

namespace Metrics.Core.Localization;

/// <summary>
/// A sentence with its values kept apart (<c>"{0} stars on {1}"</c>, 12, a day), so the dashboard can say it in
/// another language with the words in that language's order; <see cref="ToString"/> is the English. Arguments may be
/// phrases themselves, numbers (format them in the template: <c>{0:N0}</c>), days or forges.
/// </summary>
public sealed record Phrase(string Template, params object?[] Args)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template,
        [.. Args.Select(a => a switch
        {
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Storage.Entities.Forge forge => Series.ForgeNames.Display(forge),
            _ => a,
        })]);

    // A record's generated equality compares the array by reference; two equal sentences should be equal.
    public bool Equals(Phrase? other) => other is not null && Template == other.Template && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Template.GetHashCode(StringComparison.Ordinal);
}
