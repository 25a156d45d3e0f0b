using System.Text;

namespace WebhookReceiver.Benchmarks.Load;

/// <summary>
/// Writes unique, freshly signed Standard Webhooks deliveries (one per line: id, timestamp, signature, body, tab
/// separated) for wrk to replay; each is signed by the library's own signer.
/// </summary>
public static class LoadRequests
{
    public static int Generate(int count, string path)
    {
        var scheme = new StandardWebhooksScheme("bench", new StandardWebhooksOptions { Secret = BenchmarkPayload.Secret });
        var now = DateTimeOffset.UtcNow;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var body = BenchmarkPayload.Create(i);
            var signed = scheme.Sign(new WebhookSigningRequest { Body = body, Id = $"msg_{Guid.NewGuid():N}", Timestamp = now });
            var headers = signed.Headers.ToDictionary(h => h.Key, h => h.Value);
            writer.Write(headers["webhook-id"]);
            writer.Write('\t');
            writer.Write(headers["webhook-timestamp"]);
            writer.Write('\t');
            writer.Write(headers["webhook-signature"]);
            writer.Write('\t');
            writer.Write(Encoding.UTF8.GetString(body));
            writer.Write('\n');
        }
        Console.WriteLine($"wrote {count} signed deliveries ({BenchmarkPayload.Create(0).Length} bytes each) to {path}");
        return 0;
    }
}
