using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Microsoft Graph change-notification scheme. Graph signs nothing: every notification of a
/// <c>{"value":[…]}</c> collection carries the subscription's <c>clientState</c>, a shared secret compared in constant
/// time with the configured ones; one missing or wrong value refuses the whole request (401). Items are dispatched one by
/// one by <c>changeType</c> (<c>created</c>, <c>updated</c>, <c>deleted</c>) or, for lifecycle notifications, by
/// <c>lifecycleEvent</c> (<see cref="MicrosoftGraphDefaults.ReauthorizationRequired"/>, ...). Nothing in a notification is
/// signed, so its <c>id</c> (optional in Graph) and type are labels and each item's replay key is a hash of its bytes.
/// The validation request (<c>POST ?validationToken=…</c>) is answered 200 <c>text/plain</c> with the decoded token.
/// </summary>
public sealed class MicrosoftGraphScheme : WebhookScheme, IWebhookUnsignedHandshake
{
    private readonly byte[][] _clientStates;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public MicrosoftGraphScheme(string name, MicrosoftGraphOptions options)
        : base(name, options)
        => _clientStates = [.. options.GetAllSecrets().Select(SecretToken.Hash)];

    /// <summary>Gets the provider descriptor (id <c>msgraph</c>).</summary>
    public static WebhookProvider<MicrosoftGraphOptions> Provider { get; } = new(
        MicrosoftGraphDefaults.ProviderId, "Microsoft Graph",
        static (name, options) => new MicrosoftGraphScheme(name, options),
        static (section, options) => section.Bind(options),
        static () => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    /// <summary>The validation token travels in the query string.</summary>
    internal override bool ReadsQuery => true;

    /// <summary>Checks the <c>clientState</c> of every notification in the collection.</summary>
    /// <param name="request">The delivery.</param>
    /// <param name="now">Not used: Graph sends no timestamp.</param>
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        if (JsonCollectionReader.TryRead(request.Body, "value"u8) is not { Count: > 0 } items)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody,
                "the body is not a Graph notification collection ({\"value\":[…]} with at least one notification)");
        for (var i = 0; i < items.Count; i++)
        {
            if (!JsonEnvelopeReader.TryRead(items[i].Span, "clientState"u8, default, out var clientState, out _) || clientState is null)
                return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody, string.Create(CultureInfo.InvariantCulture,
                    $"notification #{i + 1} of {items.Count} has no clientState (set clientState when creating the subscription)"));
            if (!SecretToken.MatchesAny(_clientStates, clientState))
                return WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"the clientState of notification #{i + 1} of {items.Count} matched none of the {_clientStates.Length} configured secret(s)"));
        }
        return WebhookVerificationResult.Success();
    }

    /// <summary>Reads each notification as its own event: <c>changeType</c> or <c>lifecycleEvent</c>, <c>id</c> as a label.</summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        if (JsonCollectionReader.TryRead(request.Body, "value"u8) is not { Count: > 0 } items)
            return null;
        var events = new WebhookEvent[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var json = items[i];
            if (!JsonEnvelopeReader.TryRead(json.Span, "id"u8, "changeType"u8, out var id, out var type))
                return null;
            if (type is null && JsonEnvelopeReader.TryRead(json.Span, "lifecycleEvent"u8, default, out var lifecycle, out _))
                type = lifecycle;
            events[i] = new WebhookEvent(WebhookValue.FromLabel(id), WebhookValue.FromLabel(type), json);
        }
        return new WebhookDelivery(new WebhookEvent(default, default, request.Body), events);
    }

    /// <summary>
    /// Answers the validation request: 200 <c>text/plain</c> with the URL-decoded <c>validationToken</c>, as Graph requires
    /// within 10 seconds; <see langword="null"/> (401) when the parameter is missing, empty, repeated or longer than
    /// <see cref="MicrosoftGraphDefaults.MaxValidationTokenLength"/>. The echo is served with <c>nosniff</c>.
    /// </summary>
    /// <param name="request">The request that failed verification.</param>
    public WebhookHandshakeResponse? AnswerUnsigned(WebhookRequest request)
    {
        if (WebhookQuery.Single(request.Url, MicrosoftGraphDefaults.ValidationTokenParameter) is not { Length: <= MicrosoftGraphDefaults.MaxValidationTokenLength } token)
            return null;
        return new WebhookHandshakeResponse(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(token))
        {
            Headers = [new("X-Content-Type-Options", "nosniff")],
        };
    }

    /// <summary>
    /// Sends the notifications as Graph does: the first configured secret as <c>clientState</c> of every item of
    /// <c>{"value":[…]}</c>; a body that is a single notification object is wrapped into a collection.
    /// </summary>
    /// <param name="request">What to send.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clientState = Options.GetAllSecrets() is [var first, ..] ? first : throw new InvalidOperationException($"Scheme '{Name}' has no clientState to send.");
        if (JsonNode.Parse(request.Body.Span) is not JsonObject body)
            throw new ArgumentException("A Graph notification body must be a JSON object.", nameof(request));
        if (body["value"] is not JsonArray items)
        {
            items = [body];
            body = new JsonObject { ["value"] = items };
        }
        foreach (var item in items)
        {
            if (item is JsonObject notification)
                notification[MicrosoftGraphDefaults.ClientStateProperty] = clientState;
        }
        return new WebhookSignedRequest(request.Method, request.Url, [], Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}
