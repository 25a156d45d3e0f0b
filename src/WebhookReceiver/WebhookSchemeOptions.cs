using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// Options every scheme shares. Bound from configuration section <c>Webhooks:Schemes:{name}</c>,
/// validated at start-up and reloaded through <c>IOptionsMonitor</c>, so secrets rotate without a restart.
/// </summary>
public class WebhookSchemeOptions
{
    /// <summary>The default largest accepted body: 1 MiB.</summary>
    public const long DefaultMaxBodySize = 1024 * 1024;

    /// <summary>Gets or sets the secret (or public key, for asymmetric schemes) as the provider shows it.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Gets the additional secrets accepted at the same time as <see cref="Secret"/>: during a rotation,
    /// configure the old and the new one; a signature made with any of them passes.
    /// </summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>
    /// Gets or sets how far the signed timestamp may be from the receiver's clock, in both directions.
    /// The default is the provider's documented window (5 minutes unless the provider says otherwise).
    /// </summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the largest accepted body in bytes; larger ones get 413. The default is 1 MiB.</summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>
    /// Gets or sets the public base address the provider calls, e.g. <c>https://hooks.example.com</c> or
    /// <c>https://example.com/app</c>, for schemes that sign the URL (Twilio, Square, HubSpot). Behind a proxy or load
    /// balancer the request's own URL differs from the one the provider signed: when set, its scheme, host, port and
    /// path replace those of the request (and its path base), and the request's path and query string are appended.
    /// The default is <see langword="null"/>: the request's URL as ASP.NET Core sees it, which already honours
    /// <c>UseForwardedHeaders</c>. Ignored by schemes that do not sign the URL.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Gets the origins whose CloudEvents 1.0 webhook abuse-protection request is granted (the HTTP 1.1 web hooks spec,
    /// section 4): an <c>OPTIONS</c> request with <c>WebHook-Request-Origin</c> is answered 200 with
    /// <c>WebHook-Allowed-Origin</c> (the origin, or <c>*</c> when <c>*</c> is listed), <c>WebHook-Allowed-Rate</c> (the
    /// <c>WebHook-Request-Rate</c> asked for, if any) and <c>Allow: POST</c>; any other origin gets 403. When the list is
    /// not empty at start-up, <c>MapWebhook</c> maps <c>OPTIONS</c> too. Empty by default (Event Grid's scheme lists
    /// <c>eventgrid.azure.net</c>).
    /// </summary>
    public IList<string> CloudEventsAllowedOrigins { get; } = new List<string>();

    /// <summary>Gets the replay protection and idempotency settings.</summary>
    public WebhookReplayOptions Replay { get; } = new();

    /// <summary>Gets every configured secret: <see cref="Secret"/> first, then <see cref="Secrets"/>, blanks and repeats left out.</summary>
    public IReadOnlyList<string> GetAllSecrets()
    {
        var all = new List<string>(1 + Secrets.Count);
        if (!string.IsNullOrWhiteSpace(Secret))
            all.Add(Secret.Trim());
        foreach (var secret in Secrets)
        {
            if (!string.IsNullOrWhiteSpace(secret) && !all.Contains(secret.Trim(), StringComparer.Ordinal))
                all.Add(secret.Trim());
        }
        return all;
    }

    /// <summary>
    /// Adds a message to <paramref name="errors"/> for each invalid setting. Derived options call the base
    /// and add their own checks. Key material is checked again when the scheme is built from these options.
    /// </summary>
    /// <param name="errors">Where to add the messages.</param>
    public virtual void Validate(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (RequiresSecret && GetAllSecrets().Count == 0)
            errors.Add("no secret is configured: set Secret (or Secrets, to accept several during a rotation)");
        if (Tolerance < TimeSpan.Zero)
            errors.Add("Tolerance must not be negative");
        if (MaxBodySize <= 0 || MaxBodySize > int.MaxValue)
            errors.Add($"MaxBodySize must be between 1 and {int.MaxValue} bytes");
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && WebhookUrl.ParseBase(PublicBaseUrl) is null)
            errors.Add("PublicBaseUrl must be an absolute http or https URL without query or fragment, e.g. https://hooks.example.com");
        Replay.Validate(errors);
    }

    /// <summary>Gets a value indicating whether the scheme cannot verify without a secret. Defaults to <see langword="true"/>.</summary>
    protected virtual bool RequiresSecret => true;
}
