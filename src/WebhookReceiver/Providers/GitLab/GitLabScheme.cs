using System.Globalization;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The GitLab secret-token scheme: <c>X-Gitlab-Token</c> carries the secret itself, compared in constant time with each
/// configured token. It proves the sender knows the token but covers neither the body nor a time: use HTTPS, and prefer
/// GitLab's signing tokens, which follow Standard Webhooks (<c>AddStandardWebhooks</c>). The event type is
/// <c>X-Gitlab-Event</c>; the delivery id is <c>Idempotency-Key</c>, else <c>X-Gitlab-Event-UUID</c>.
/// </summary>
public sealed class GitLabScheme : WebhookScheme
{
    private readonly byte[][] _tokens;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public GitLabScheme(string name, GitLabOptions options)
        : base(name, options)
        => _tokens = [.. options.GetAllSecrets().Select(SecretToken.Hash)];

    /// <summary>Gets the provider descriptor (id <c>gitlab</c>).</summary>
    public static WebhookProvider<GitLabOptions> Provider { get; } = new(
        GitLabDefaults.ProviderId, "GitLab",
        static (name, options) => new GitLabScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>Gets <c>X-Gitlab-Token</c>: it is the secret itself.</summary>
    public override IReadOnlyList<string> SecretHeaders { get; } = [GitLabDefaults.TokenHeader];

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var token = request.GetHeader(GitLabDefaults.TokenHeader);
        if (token is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {GitLabDefaults.TokenHeader} header");
        return SecretToken.MatchesAny(_tokens, token)
            ? WebhookVerificationResult.Success()
            : WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                $"{GitLabDefaults.TokenHeader} matched none of the {_tokens.Length} configured token(s)"));
    }

    /// <summary>
    /// GitLab sends a shared token, not a signature: nothing in the delivery is signed. The idempotency key (or event
    /// UUID) and <c>X-Gitlab-Event</c> are labels; the replay key is a hash of the body.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => new(new WebhookEvent(
            WebhookValue.FromLabel(request.GetHeader(GitLabDefaults.IdempotencyKeyHeader) ?? request.GetHeader(GitLabDefaults.EventUuidHeader)),
            WebhookValue.FromLabel(request.GetHeader(GitLabDefaults.EventHeader)),
            request.Body));

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = Options.GetAllSecrets() is [var first, ..] ? first : throw new InvalidOperationException($"Scheme '{Name}' has no token to send.");
        var id = request.Id ?? Guid.NewGuid().ToString();
        var headers = request.EventType is null
            ? Headers((GitLabDefaults.TokenHeader, token), (GitLabDefaults.EventUuidHeader, id), (GitLabDefaults.IdempotencyKeyHeader, id))
            : Headers((GitLabDefaults.TokenHeader, token), (GitLabDefaults.EventUuidHeader, id), (GitLabDefaults.IdempotencyKeyHeader, id),
                (GitLabDefaults.EventHeader, request.EventType));
        return new WebhookSignedRequest(request.Method, request.Url, headers, request.Body);
    }
}
