namespace Metrics.Core.Storage.Entities;

/// <summary>How much of a date is known: a milestone dated "2019" must not be drawn as 1 January 2019.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}
