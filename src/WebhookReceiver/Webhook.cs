using Microsoft.AspNetCore.Http;

namespace WebhookReceiver;

/// <summary>A verified delivery as a handler receives it, without its typed payload. See <see cref="Webhook{T}"/>.</summary>
public abstract class Webhook
{
    private string? _scheme;
    private WebhookDelivery? _delivery;
    private WebhookEvent? _event;
    private ReadOnlyMemory<byte> _body;

    private protected Webhook(string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent, ReadOnlyMemory<byte> body, HttpContext httpContext)
    {
        HttpContext = httpContext;
        Bind(scheme, delivery, webhookEvent, body);
    }

    /// <summary>A placeholder bound from a minimal-API parameter before verification; filled by the webhook endpoint filter.</summary>
    private protected Webhook(HttpContext httpContext) => HttpContext = httpContext;

    /// <summary>Whether the delivery was verified and bound (false only for a parameter no verification filter filled).</summary>
    internal bool IsBound => _delivery is not null;

    private protected void Bind(string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent, ReadOnlyMemory<byte> body)
    {
        _scheme = scheme;
        _delivery = delivery;
        _event = webhookEvent;
        _body = body;
    }

    private protected static InvalidOperationException NotVerified() => new(
        "This Webhook<T> was bound from a request that no webhook verification ran on: map the endpoint with MapWebhook, "
        + "or add .AddWebhookVerification(\"scheme\") to it (or [VerifyWebhook] to an MVC action).");

    /// <summary>Gets the name of the scheme that verified the delivery.</summary>
    public string Scheme => _scheme ?? throw NotVerified();

    /// <summary>Gets the verified delivery this event belongs to.</summary>
    public WebhookDelivery Delivery => _delivery ?? throw NotVerified();

    /// <summary>Gets the event this handler runs for (the delivery itself, or one item of a batch).</summary>
    public WebhookEvent Event => _event ?? throw NotVerified();

    /// <summary>
    /// Gets the provider's delivery id, or <see langword="null"/> if the provider sends none. It may be a label the
    /// provider does not sign (GitHub's <c>X-GitHub-Delivery</c>): see <see cref="WebhookValue.IsSigned"/> on <see cref="Event"/>.
    /// </summary>
    public string? DeliveryId => Event.Id.Value;

    /// <summary>
    /// Gets the event type, or <see langword="null"/> if the provider sends none. It may be a label the provider does not
    /// sign (GitHub's <c>X-GitHub-Event</c>): see <see cref="WebhookValue.IsSigned"/> on <see cref="Event"/>.
    /// </summary>
    public string? EventType => Event.EventType.Value;

    /// <summary>Gets the key the delivery was claimed under: its signed id, or a hash of its signed content.</summary>
    public string ReplayKey => Event.ReplayKey;

    /// <summary>Gets the signed timestamp, for schemes that sign one.</summary>
    public DateTimeOffset? Timestamp => Delivery.Timestamp;

    /// <summary>
    /// Gets the exact verified body bytes. The memory is pooled: valid only until the handler returns; copy it to keep it.
    /// </summary>
    public ReadOnlyMemory<byte> Body => IsBound ? _body : throw NotVerified();

    /// <summary>
    /// Gets which attempt at this event the handler is: 1 in the provider's request and on an inbox entry's first attempt,
    /// then 2, 3, ... as the inbox retries it (<c>UseInbox()</c>). Delivery is at least once: a handler keyed on
    /// <see cref="ReplayKey"/> stays correct when an attempt repeats.
    /// </summary>
    public int Attempt { get; internal set; } = 1;

    /// <summary>Gets the request's headers (e.g. <c>X-Slack-Retry-Num</c>).</summary>
    public IHeaderDictionary Headers => HttpContext.Request.Headers;

    /// <summary>Gets the HTTP context of the delivery.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>Gets the token that fires when the provider aborts the request.</summary>
    public CancellationToken RequestAborted => HttpContext.RequestAborted;

    /// <summary>Gets the response set by <see cref="Respond"/>, if any.</summary>
    public IResult? Response { get; private set; }

    /// <summary>
    /// Answers the provider with <paramref name="response"/> instead of <c>{"status":"processed"}</c>, once the handler has
    /// succeeded and the delivery is marked completed: a Discord interaction response, TwiML for Twilio, a Slack slash-command
    /// reply. A replay of the same delivery is still answered <c>{"status":"duplicate"}</c>; deliveries that carry a batch of
    /// events answer for the batch and ignore this.
    /// </summary>
    /// <param name="response">The response, e.g. <c>TypedResults.Json(reply, MyJsonContext.Default.Reply)</c>.</param>
    public void Respond(IResult response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Response = response;
    }
}
