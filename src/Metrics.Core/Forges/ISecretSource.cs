namespace Metrics.Core.Forges;

/// <summary>Names a credential to the scrubber, so no stored, logged or shown error can carry it.</summary>
public interface ISecretSource
{
    IEnumerable<string?> Secrets { get; }
}
