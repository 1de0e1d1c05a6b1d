using Metrics.Core.Catalog;
using Metrics.Core.Storage.Entities;
using Metrics.Web.Components.Shared;

namespace Metrics.Web.Components.Pages;

/// <summary>A milestone's date as precisely as it is known, in the page's language: 2019-05 / 2019年5月.</summary>
internal static class MilestoneDate
{
    public static string Text(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => Format.Year(date.Year),
        DatePrecision.Month => Format.Month(date.Year, date.Month),
        _ => Format.Day(date),
    };

    /// <summary>From the machine form ("2019", "2019-05", "2019-05-16"), as rows carry it.</summary>
    public static string Text(string dateText, DatePrecision precision) =>
        PartialDate.Parse(dateText, precision, out _) is { } date ? Text(date, precision) : dateText;
}
