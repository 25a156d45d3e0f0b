using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The common base of the built-in schemes that sign with an HMAC over the body (optionally with a delivery id and a
/// timestamp): the generic <c>hmac</c> scheme, GitHub, Shopify, Linear, Intercom, Vercel, Typeform, Meta, Bitbucket,
/// Stripe, Calendly, Paddle, Slack, Zoom and Twitch. Each provider only describes its signature header format (one
/// prefixed value, a list, or <c>key=value</c> pairs carrying the timestamp), what is signed, and where the delivery id,
/// event type and timestamp are; verification (one constant-time match loop), reading and signing are shared.
/// It cannot be derived from outside this library: for other providers, configure the generic <see cref="HmacScheme"/>
/// or derive from <see cref="WebhookScheme"/> with the public helpers (<see cref="WebhookReplayKeys"/>).
/// </summary>
public abstract class HmacWebhookScheme : WebhookScheme
{
    private readonly HmacSchemeEngine _engine;

    private protected HmacWebhookScheme(string name, WebhookSchemeOptions options, HmacSchemeSpec spec)
        : base(name, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _engine = new HmacSchemeEngine(spec, options);
    }

    /// <inheritdoc />
    protected sealed override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
        => _engine.Verify(request, now, Options.Tolerance);

    /// <summary>
    /// Reads the id and event type where the provider puts them (marked signed when they come from signed content) and
    /// acknowledges the provider's ping event, if it has one, with 200 <c>{"status":"pong"}</c>; no handler runs for it.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request) => _engine.ReadDelivery(request);

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
        => _engine.Sign(request, Name);
}
