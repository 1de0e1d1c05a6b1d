using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges;

// The only failures a forge client lets out. Each forge turns its library's own exceptions (Octokit's, Refit's) into
// one of these inside its folder, so the collection service decides without knowing any forge's library.

/// <summary>The forge says the repository is gone or blocked: recorded on the repository, its data kept.</summary>
public sealed class RepositoryUnavailableException(RepositoryStatus status, string message) : Exception(message)
{
    public RepositoryStatus Status { get; } = status;
}

/// <summary>An answer that is not what the API documents and did not get better by retrying.</summary>
public sealed class MalformedAnswerException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The forge answered, but with an error status that retrying did not cure; the message says which.</summary>
public sealed class ForgeAnswerException(string message, Exception? inner = null) : Exception(message, inner);
