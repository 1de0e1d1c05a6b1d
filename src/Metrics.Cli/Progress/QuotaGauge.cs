using System.Globalization;
using Metrics.Core.Forges;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Progress;

/// <summary>Reads each forge's live quota (the rate-limit state its HTTP pipeline keeps, keyed by forge name).</summary>
internal sealed class QuotaGauge(IServiceProvider services)
{
    private readonly IReadOnlyList<(string Forge, RateLimitState State)> _states = services.GetRequiredService<ForgeRegistry>() is var forges
        ? [.. forges.All.Select(d => (d.Forge.ToString(), forges.Quota(d.Forge)))]
        : [];

    /// <summary>"GitHub 4,321/5,000 left", for every forge that has answered so far.</summary>
    public string Quota() => string.Join(", ", _states
        .Where(s => s.State.Remaining is not null)
        .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Forge} {s.State.Remaining:N0}/{s.State.Limit:N0} left")));

    /// <summary>The forge and reset a run is waiting for now, if any.</summary>
    public (string Forge, DateTimeOffset Until)? Waiting()
    {
        foreach (var (forge, state) in _states)
        {
            if (state.WaitingUntil is { } until)
            {
                return (forge, until);
            }
        }

        return null;
    }

    public static string DescribeWait((string Forge, DateTimeOffset Until) wait, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"waiting for the {wait.Forge} quota until {wait.Until:HH:mm:ss} UTC ({Math.Max(0, (wait.Until - now).TotalMinutes):0.#} min)");
}
