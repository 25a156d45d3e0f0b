using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The WooCommerce scheme: <c>X-WC-Webhook-Signature: &lt;base64&gt;</c>, HMAC-SHA256 of the body (the resource's REST
/// representation as JSON) with the webhook's secret. WooCommerce signs no timestamp and no header: the topic
/// (<c>X-WC-Webhook-Topic</c>, e.g. <c>order.created</c>) is the event type as a label, the delivery id
/// (<c>X-WC-Webhook-Delivery-ID</c>) a label, and a delivery is claimed by a hash of its body. Action topics carry
/// their hook in the signed body (<c>{"action":"woocommerce_…","arg":…}</c>): their event type is then the signed
/// <c>action.{action}</c>, as the topic reads. The ping WooCommerce posts when a webhook is saved active (an unsigned
/// <c>webhook_id=N</c> body) is answered 200 <c>{"status":"pong"}</c> so that WooCommerce activates the webhook; it runs
/// no handler, is never claimed, and nothing is read from it.
/// </summary>
public sealed class WooCommerceScheme : HmacWebhookScheme, IWebhookUnsignedHandshake
{
    /// <summary>The longest webhook id a ping may carry: 20 digits (a 64-bit post id).</summary>
    private const int MaxPingIdDigits = 20;

    private static readonly byte[] PingPrefix = Encoding.ASCII.GetBytes(WooCommerceDefaults.PingBodyPrefix);

    private static readonly WebhookHandshakeResponse Pong = new(StatusCodes.Status200OK, "application/json", """{"status":"pong"}"""u8.ToArray());

    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(WooCommerceDefaults.SignatureHeader, string.Empty, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64)],
        DeliveryId = HmacValueSource.FromHeader(WooCommerceDefaults.DeliveryIdHeader),
        EventType = HmacValueSource.FromHeader(WooCommerceDefaults.TopicHeader),
    };

    /// <summary>Builds the scheme, taking its secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public WooCommerceScheme(string name, WooCommerceOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>woocommerce</c>).</summary>
    public static WebhookProvider<WooCommerceOptions> Provider { get; } = new(
        WooCommerceDefaults.ProviderId, "WooCommerce",
        static (name, options) => new WooCommerceScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Answers WooCommerce's ping: 200 <c>{"status":"pong"}</c> when the request carries no signature and its body is
    /// exactly <c>webhook_id=</c> followed by 1 to 20 ASCII digits; otherwise <see langword="null"/> (401). The bytes are
    /// compared, not parsed, and nothing of them is kept or logged.
    /// </summary>
    /// <param name="request">The request that failed verification.</param>
    public WebhookHandshakeResponse? AnswerUnsigned(WebhookRequest request)
    {
        if (request.Headers.ContainsKey(WooCommerceDefaults.SignatureHeader))
            return null;
        var body = request.Body.Span;
        if (!body.StartsWith(PingPrefix))
            return null;
        var digits = body[PingPrefix.Length..];
        if (digits.IsEmpty || digits.Length > MaxPingIdDigits)
            return null;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return null;
        }
        return Pong;
    }

    /// <summary>
    /// Reads the verified delivery: the topic and delivery id as labels, claimed by a hash of the body; an action
    /// topic's body gives its signed event type <c>action.{action}</c>.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        if (base.ReadDelivery(request) is not { } delivery)
            return null;
        if (ActionOf(request.Body.Span) is not { } action)
            return delivery;
        var whole = delivery.Whole;
        return new WebhookDelivery(new WebhookEvent(whole.Id, WebhookValue.FromSigned("action." + action), whole.Json));
    }

    /// <summary>
    /// The hook of an action topic's payload, which is exactly <c>{"action":"…","arg":…}</c> (in either order); null for
    /// any other body. Reading stops at the first other property, so a resource's body is not scanned.
    /// </summary>
    private static string? ActionOf(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            string? action = null;
            var arg = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (action is null && reader.ValueTextEquals("action"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                        return null;
                    action = reader.GetString();
                }
                else if (!arg && reader.ValueTextEquals("arg"u8))
                {
                    if (!reader.Read())
                        return null;
                    reader.Skip();
                    arg = true;
                }
                else
                {
                    return null;
                }
            }
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read() && arg && action is { Length: > 0 }
                ? action : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
