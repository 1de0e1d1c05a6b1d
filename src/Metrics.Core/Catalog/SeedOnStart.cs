using System.Security.Cryptography;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Catalog;

/// <summary>
/// The import a host runs when it starts, skipped when the seed files and the program are those of the last import:
/// the import is idempotent, so skipping it changes nothing but the start-up time. `metrics seed` always imports.
/// </summary>
public sealed class SeedOnStart(MetricsDbContext db, SeedImporter importer, TimeProvider time)
{
    /// <returns>Whether the files were imported (false: unchanged since the last import).</returns>
    public async Task<bool> ImportIfChangedAsync(string directory, CancellationToken cancellationToken)
    {
        var key = Path.GetFullPath(directory);
        var fingerprint = await FingerprintAsync(directory, cancellationToken);
        var stored = await db.SeedImports.FirstOrDefaultAsync(s => s.Directory == key, cancellationToken);
        if (fingerprint is not null && stored?.Fingerprint == fingerprint)
        {
            return false;
        }

        await importer.ImportAsync(directory, cancellationToken);
        if (fingerprint is null)
        {
            return true;
        }

        if (stored is null)
        {
            db.SeedImports.Add(new SeedImport { Directory = key, Fingerprint = fingerprint, ImportedAt = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            (stored.Fingerprint, stored.ImportedAt) = (fingerprint, time.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Both files and this build of the importer: a new version of the program imports again.</summary>
    private static async Task<string?> FingerprintAsync(string directory, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { SeedReader.ProjectsFile, SeedReader.MilestonesFile })
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                return null; // the import reports the missing file
            }

            hash.AppendData(await File.ReadAllBytesAsync(path, cancellationToken));
        }

        hash.AppendData(typeof(SeedOnStart).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
