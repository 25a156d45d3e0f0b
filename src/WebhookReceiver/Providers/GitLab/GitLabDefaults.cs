namespace WebhookReceiver;

/// <summary>Names and defaults of the GitLab (secret token) scheme.</summary>
public static class GitLabDefaults
{
    /// <summary>The provider id and default scheme name: <c>gitlab</c>.</summary>
    public const string ProviderId = "gitlab";

    /// <summary>The header carrying the webhook's secret token as plain text.</summary>
    public const string TokenHeader = "X-Gitlab-Token";

    /// <summary>The event type header, e.g. <c>Push Hook</c>.</summary>
    public const string EventHeader = "X-Gitlab-Event";

    /// <summary>The delivery id header kept across retries, preferred when present.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The delivery id header used when <see cref="IdempotencyKeyHeader"/> is absent.</summary>
    public const string EventUuidHeader = "X-Gitlab-Event-UUID";

    /// <summary>The tolerance: GitLab sends no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
