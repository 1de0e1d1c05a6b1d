using Metrics.Core.Storage.Entities;
using Octokit;

namespace Metrics.Core.Forges.GitHub;

/// <summary>Octokit's exceptions end here: what leaves the GitHub folder is one of the seam's own.</summary>
internal static class GitHubErrors
{
    public static async Task<T> GuardAsync<T>(RepositoryRef repository, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (NotFoundException)
        {
            throw new RepositoryUnavailableException(RepositoryStatus.NotFound,
                $"GitHub has no repository {repository.FullName} (deleted, or private to this token): its stored data is kept.");
        }
        catch (LegalRestrictionException e)
        {
            throw new RepositoryUnavailableException(RepositoryStatus.Blocked, $"GitHub blocks access to {repository.FullName}: {e.Message}");
        }
        catch (ForbiddenException e) when (e.Message.Contains("access blocked", StringComparison.OrdinalIgnoreCase))
        {
            throw new RepositoryUnavailableException(RepositoryStatus.Blocked, $"GitHub blocks access to {repository.FullName}: {e.Message}");
        }
        catch (ApiException e)
        {
            throw new ForgeAnswerException($"{(int)e.StatusCode} from the forge: {e.Message}", e);
        }
    }
}
