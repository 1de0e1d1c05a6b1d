using Metrics.Core.Forges.Http;
using Metrics.Core.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Forges;

/// <summary>Every registered forge plug-in; the one place anything that lists forges asks.</summary>
public sealed class ForgeRegistry(IEnumerable<ForgeDescriptor> descriptors, IServiceProvider services)
{
    public IReadOnlyList<ForgeDescriptor> All { get; } = [.. descriptors.DistinctBy(d => d.Forge).OrderBy(d => d.Forge)];

    public ForgeDescriptor? Find(Forge forge) => All.FirstOrDefault(d => d.Forge == forge);

    /// <summary>A forge by its key or an alias ("github", "atomgit"), case-insensitive.</summary>
    public ForgeDescriptor? Find(string? name) => All.FirstOrDefault(d =>
        string.Equals(d.Key, name, StringComparison.OrdinalIgnoreCase) || d.Aliases.Contains(name ?? "", StringComparer.OrdinalIgnoreCase));

    public IReadOnlyList<Forge> Forges => [.. All.Select(d => d.Forge)];

    /// <summary>Whether a repository of this kind on this forge has a collector.</summary>
    public bool Collects(Forge forge, RepositoryKind kind) => Find(forge)?.Serves(kind) == true;

    /// <summary>The live quota the forge's HTTP pipeline keeps.</summary>
    public RateLimitState Quota(Forge forge) => services.GetRequiredKeyedService<RateLimitState>(forge);

    /// <summary>The forge's settings as bound at start (its request bounds, for pages that explain them).</summary>
    public IForgeOptions Options(Forge forge) =>
        ((IOptions<IForgeOptions>)services.GetRequiredService(typeof(IOptions<>).MakeGenericType(Find(forge)!.OptionsType))).Value;

    /// <summary>The forge's client, from the caller's scope.</summary>
    public static IForgeClient Client(IServiceProvider scope, Forge forge) => scope.GetRequiredKeyedService<IForgeClient>(forge);

    /// <summary>The descriptors registered in a service collection, for places that run before a host is built.</summary>
    public static IReadOnlyList<ForgeDescriptor> In(IServiceCollection services) =>
        [.. services.Where(s => s.ServiceType == typeof(ForgeDescriptor) && s.ImplementationInstance is ForgeDescriptor)
            .Select(s => (ForgeDescriptor)s.ImplementationInstance!).OrderBy(d => d.Forge)];
}
