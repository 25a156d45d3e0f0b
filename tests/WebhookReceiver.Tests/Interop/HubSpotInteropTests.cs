namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @hubspot/api-client: <c>Signature.getSignature</c> signs and <c>Signature.isValid</c> verifies, signature v3 (base64
/// HMAC-SHA256 over <c>{method}{url}{body}{timestamp}</c>, Unix milliseconds, 5 minutes against the real clock).
/// </summary>
public sealed class HubSpotInteropTests : NpmInteropTests
{
    protected override string Package => "hubspot";

    protected override string NpmPackage => "@hubspot/api-client";

    public override WebhookProvider Provider => HubSpotScheme.Provider;

    protected override string SigningSecret => "interop-hubspot-client-secret-3f2e1d0c";

    protected override string SignatureHeader => HubSpotDefaults.SignatureHeader;

    /// <summary>One event (HubSpot batches them in an array; an object is one event, handed over whole).</summary>
    protected override string Body => """{"eventId":4001,"subscriptionId":7,"portalId":62515,"appId":1,"occurredAt":1764878400000,"subscriptionType":"contact.propertyChange","attemptNumber":0,"objectId":1250,"propertyName":"note","propertyValue":"café ✓ — ünïcödé","changeSource":"CRM"}""";

    protected override string? EventType => "contact.propertyChange";

    protected override string? ExpectedDeliveryId(string id) => "4001";
}
