using System.ComponentModel.DataAnnotations;
using Metrics.Core.GitHistory;

namespace Metrics.Core.Tests.GitHistory;

public sealed class GitHistoryUnitTests
{
    [Fact]
    public void The_mailmap_maps_commit_addresses_by_address_or_by_name_and_address_ignoring_case()
    {
        var map = Mailmap.Parse("""
            # comment
            Alice <alice@example.com> Alice Old <ALICE@old.example>
            <carol@example.com> <carol@old.example>
            Only A Name <name@example.com>
            """);

        Assert.Equal("alice@example.com", map.MapEmail("alice old", "alice@OLD.example"));
        Assert.Equal("alice@old.example", map.MapEmail("Someone Else", "alice@old.example"));
        Assert.Equal("carol@example.com", map.MapEmail("Carol", "Carol@Old.Example"));
        Assert.Equal("name@example.com", map.MapEmail("x", "name@example.com"));
    }

    [Fact]
    public void A_person_in_two_repositories_counts_once_on_the_first_day_anywhere_and_a_mirrored_commit_once()
    {
        IdentityDay[] rows =
        [
            new(1, "a", new(2024, 1, 3), 2, false), new(2, "a", new(2024, 1, 3), 2, false), new(2, "a", new(2023, 12, 30), 1, false),
            new(1, "b", new(2024, 2, 1), 1, false), new(1, "bot", new(2024, 2, 1), 5, true),
        ];

        Assert.Equal([(new DateOnly(2023, 12, 30), 1), (new DateOnly(2024, 2, 1), 2), (new DateOnly(2024, 3, 9), 2)],
            ContributorGrowth.Cumulative(rows, new DateOnly(2024, 3, 9)));
        Assert.Equal([(new DateOnly(2023, 12, 1), 1), (new DateOnly(2024, 1, 1), 0), (new DateOnly(2024, 2, 1), 1)], ContributorGrowth.NewPerMonth(rows, null));
        Assert.Equal(9, ContributorGrowth.CommitsPerWeek(rows, null).Sum(w => w.Count));
        Assert.Equal(new DateOnly(2024, 1, 1), ContributorGrowth.WeekOf(new DateOnly(2024, 1, 7)));
    }

    [Theory]
    [InlineData("GitHistory:AllowedSchemes", "ssh")]
    [InlineData("GitHistory:Timeout", "00:00:00")]
    [InlineData("GitHistory:DataDirectory", " ")]
    public void Bad_options_are_refused_naming_the_key(string key, string value)
    {
        var options = new GitHistoryOptions();
        switch (key)
        {
            case "GitHistory:AllowedSchemes": options.AllowedSchemes = [value]; break;
            case "GitHistory:Timeout": options.Timeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.DataDirectory = value; break;
        }

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains(key, StringComparison.Ordinal));
    }
}
