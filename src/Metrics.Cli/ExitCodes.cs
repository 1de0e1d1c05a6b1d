namespace Metrics.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work ran and at least part of it failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad configuration or bad input: nothing was done.</summary>
    public const int InvalidInput = 2;
}
