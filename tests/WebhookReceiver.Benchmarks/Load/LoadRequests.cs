using System.Text;

namespace WebhookReceiver.Benchmarks.Load;

/// <summary>
/// Writes unique, freshly signed deliveries for wrk to replay (deliveries.lua), each signed by the library's own signer:
/// <c>standard</c> (~1.2 KB Standard Webhooks order events) or <c>github</c> (~9 KB GitHub push events). The first line
/// is <c>#</c> and the header names, tab separated; each further line is those headers' values and the body.
/// </summary>
public static class LoadRequests
{
    public static int Generate(string kind, int count, string path)
    {
        (WebhookScheme scheme, Func<int, byte[]> body, string? eventType) = kind switch
        {
            "standard" => ((WebhookScheme)new StandardWebhooksScheme("bench", new StandardWebhooksOptions { Secret = BenchmarkPayload.Secret }),
                (Func<int, byte[]>)BenchmarkPayload.Create, (string?)null),
            "github" => (new GitHubScheme("github", new GitHubOptions { Secret = GitHubPushPayload.Secret }), GitHubPushPayload.Create, "push"),
            _ => throw new ArgumentException($"unknown delivery kind '{kind}' (standard or github)", nameof(kind)),
        };
        var now = DateTimeOffset.UtcNow;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        string[]? names = null;
        var size = 0;
        for (var i = 0; i < count; i++)
        {
            var bytes = body(i);
            size = bytes.Length;
            var signed = scheme.Sign(new WebhookSigningRequest { Body = bytes, Id = Guid.NewGuid().ToString(), Timestamp = now, EventType = eventType });
            if (names is null)
            {
                names = [.. signed.Headers.Select(h => h.Key)];
                writer.Write('#');
                foreach (var name in names)
                    writer.Write($"\t{name}");
                writer.Write('\n');
            }
            var values = signed.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                writer.Write(values[name]);
                writer.Write('\t');
            }
            writer.Write(Encoding.UTF8.GetString(bytes));
            writer.Write('\n');
        }
        Console.WriteLine($"wrote {count} signed {kind} deliveries ({size} bytes each) to {path}");
        return 0;
    }
}
