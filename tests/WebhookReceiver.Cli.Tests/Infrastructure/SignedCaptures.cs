using System.Text;
using Microsoft.Extensions.Primitives;

namespace WebhookReceiver.Cli.Tests.Infrastructure;

/// <summary>Writes capture files of Standard Webhooks deliveries signed with the Quickstart's secret, as <c>webhook listen</c> would.</summary>
public static class SignedCaptures
{
    /// <summary>Writes one signed order delivery with a fresh id into a new folder; returns the capture file.</summary>
    public static async Task<string> WriteAsync(DateTimeOffset signedAt, string orderId = "ord_1")
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"type":"order.created","data":{"orderId":"{{{orderId}}}","amount":1.5}}""");
        var scheme = new StandardWebhooksScheme("standard", new StandardWebhooksOptions { Secret = QuickstartServer.Secret });
        var signed = scheme.Sign(new WebhookSigningRequest { Body = body, Id = "msg_" + Guid.NewGuid().ToString("N"), Timestamp = signedAt });
        var headers = signed.Headers.Select(h => new KeyValuePair<string, StringValues>(h.Key, h.Value))
            .Append(new("Content-Type", "application/json"));
        var capture = WebhookCapture.Create("POST", "/webhooks/standard", null, headers, body, signedAt);
        return await capture.SaveAsync(Directory.CreateTempSubdirectory("webhook-capture-").FullName, TestContext.Current.CancellationToken);
    }
}
