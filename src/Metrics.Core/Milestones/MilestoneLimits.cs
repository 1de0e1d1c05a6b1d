namespace Metrics.Core.Milestones;

/// <summary>
/// How long a milestone's text may be, in the editor and in the seed files alike. A title is a line on a chart and
/// a description a paragraph (the essay's longest is under 200 characters): these leave ample room and keep pages,
/// chart keys and exports small.
/// </summary>
public static class MilestoneLimits
{
    public const int Title = 300;
    public const int Description = 4000;
}
