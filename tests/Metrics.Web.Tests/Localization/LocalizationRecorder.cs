using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Metrics.Web.Tests.Localization;

/// <summary>
/// Decorates the app's <see cref="IStringLocalizerFactory"/> and records every lookup that found no Chinese text:
/// a key the code asks for that no <c>.zh-CN.resx</c> holds would otherwise show its English key unnoticed.
/// </summary>
public sealed class LocalizationRecorder
{
    private readonly ConcurrentDictionary<string, byte> _missing = new();

    public IReadOnlyList<string> Missing => [.. _missing.Keys.Order(StringComparer.Ordinal)];

    public void Clear() => _missing.Clear();

    /// <summary>The app with the recording factory in place of the real one.</summary>
    public WebApplicationFactory<Program> Wrap(MetricsWebFactory web) => web.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
    {
        services.RemoveAll<IStringLocalizerFactory>();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(sp => new Factory(sp.GetRequiredService<ResourceManagerStringLocalizerFactory>(), this));
    }));

    private void Record(string owner, string key)
    {
        if (CultureInfo.CurrentUICulture.Name == "zh-CN")
        {
            _missing.TryAdd($"{owner}: \"{key}\"", 0);
        }
    }

    private sealed class Factory(IStringLocalizerFactory inner, LocalizationRecorder recorder) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new Recording(inner.Create(resourceSource), resourceSource.Name, recorder);

        public IStringLocalizer Create(string baseName, string location) => new Recording(inner.Create(baseName, location), baseName, recorder);
    }

    private sealed class Recording(IStringLocalizer inner, string owner, LocalizationRecorder recorder) : IStringLocalizer
    {
        public LocalizedString this[string name] => Seen(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Seen(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Seen(LocalizedString text)
        {
            if (text.ResourceNotFound)
            {
                recorder.Record(owner, text.Name);
            }

            return text;
        }
    }
}
