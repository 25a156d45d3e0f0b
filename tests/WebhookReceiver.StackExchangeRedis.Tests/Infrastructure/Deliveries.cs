using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>Signs deliveries with the library's own Standard Webhooks signer and posts them.</summary>
internal static class Deliveries
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static readonly StandardWebhooksScheme Signer = new("signer", new StandardWebhooksOptions { Secret = Secret });

    /// <summary>A fresh delivery id.</summary>
    public static string NewId() => "msg_" + Guid.NewGuid().ToString("N");

    /// <summary>Signs an <c>order.created</c> event with id <paramref name="id"/>, timestamped now.</summary>
    public static WebhookSignedRequest Sign(string id) => Signer.Sign(new WebhookSigningRequest
    {
        Id = id,
        Timestamp = DateTimeOffset.UtcNow,
        Body = Encoding.UTF8.GetBytes($$$"""{"type":"order.created","data":{"orderId":"{{{id}}}","amount":12.5}}"""),
    });

    /// <summary>Posts <paramref name="delivery"/> exactly as signed to <paramref name="path"/> and reads the answer.</summary>
    public static async Task<Reply> PostAsync(this HttpClient client, WebhookSignedRequest delivery, string path = Receiver.Path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(delivery.Body.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in delivery.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        string? status = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
            status = JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();
        return new Reply(response.StatusCode, status, response.Headers.RetryAfter is not null);
    }
}

/// <summary>What a receiver answered: the status code, the <c>status</c> of a JSON body, whether <c>Retry-After</c> was sent.</summary>
internal sealed record Reply(HttpStatusCode Code, string? Status, bool HasRetryAfter);
