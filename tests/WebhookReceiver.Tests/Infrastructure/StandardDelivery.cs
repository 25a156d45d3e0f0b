using System.Text;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>Signs Standard Webhooks deliveries for pipeline tests with the library's own signer.</summary>
public static class StandardDelivery
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string OtherSecret = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    public const string Path = "/webhooks/orders";

    public static string OrderBody(string type = "order.created", string orderId = "o-1")
        => $$$"""{"type":"{{{type}}}","timestamp":"2026-11-27T12:00:00Z","data":{"orderId":"{{{orderId}}}","amount":12.5}}""";

    public static HttpRequestMessage Create(DateTimeOffset timestamp, string body, string id = "msg_1", string secret = Secret)
    {
        var scheme = new StandardWebhooksScheme("orders", new StandardWebhooksOptions { Secret = secret });
        var signed = scheme.Sign(new WebhookSigningRequest { Body = Encoding.UTF8.GetBytes(body), Id = id, Timestamp = timestamp });
        return signed.ToHttpRequest("http://localhost" + Path);
    }
}

public sealed record OrderEvent(string Type, DateTimeOffset? Timestamp, OrderData? Data);

public sealed record OrderData(string? OrderId, decimal? Amount);
