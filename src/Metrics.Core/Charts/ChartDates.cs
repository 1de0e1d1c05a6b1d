namespace Metrics.Core.Charts;

/// <summary>Calendar days as chart X values (OLE automation dates, which ScottPlot's date axis reads).</summary>
public static class ChartDates
{
    public static double ToX(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

    public static DateOnly FromX(double x) => DateOnly.FromDateTime(DateTime.FromOADate(x));
}
