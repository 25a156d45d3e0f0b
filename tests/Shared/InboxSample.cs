using System.Net;
using System.Text;
using System.Text.Json;

namespace WebhookReceiver.Tests.Shared;

/// <summary>
/// samples/Inbox run as a process, driven as its users would: Standard Webhooks deliveries signed with its development
/// secret to <c>POST /webhooks/standard</c>, and its inbox API at <c>/webhooks/inbox</c>.
/// </summary>
internal sealed class InboxSample : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static readonly StandardWebhooksScheme Signer = new("standard", new StandardWebhooksOptions { Secret = Secret });

    private InboxSample(SampleProcess process) => Process = process;

    public SampleProcess Process { get; }

    /// <summary>Starts the sample; fast retries unless the settings say otherwise.</summary>
    public static async Task<InboxSample> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Webhooks__Inbox__MaxAttempts"] = "3",
            ["Webhooks__Inbox__RetryDelay"] = "00:00:00.200",
            ["Webhooks__Inbox__MaxRetryDelay"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        return new InboxSample(await SampleProcess.StartAsync("Inbox", all));
    }

    public static string NewId() => "msg_" + Guid.NewGuid().ToString("N");

    /// <summary>A signed delivery of a test event (<c>test.slow</c>, <c>test.flaky</c>, <c>test.poison</c>, …).</summary>
    public static WebhookSignedRequest Sign(string id, string type, string data = "{}", string secret = Secret)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","timestamp":"{{DateTimeOffset.UtcNow:O}}","data":{{data}}}""");
        var signer = secret == Secret ? Signer : new StandardWebhooksScheme("standard", new StandardWebhooksOptions { Secret = secret });
        return signer.Sign(new WebhookSigningRequest { Body = body, Id = id, Timestamp = DateTimeOffset.UtcNow });
    }

    /// <summary>Posts the delivery; the status code and the body of the answer.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(WebhookSignedRequest signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/standard") { Content = new ByteArrayContent(signed.Body.ToArray()) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in signed.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await Process.Client.SendAsync(request, CancellationToken.None);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None));
    }

    /// <summary>The inbox API's entry of a delivery (<c>GET /webhooks/inbox/deliveries</c>), or null when there is none.</summary>
    public async Task<JsonElement?> FindAsync(string deliveryId)
    {
        foreach (var entry in (await GetJsonAsync("/webhooks/inbox/deliveries?limit=1000")).EnumerateArray())
        {
            if (entry.GetProperty("deliveryId").GetString() == deliveryId)
                return entry;
        }
        return null;
    }

    /// <summary>Waits until the delivery's entry has the status; gives the entry.</summary>
    public async Task<JsonElement> WaitForAsync(string deliveryId, string status, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        JsonElement? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await FindAsync(deliveryId);
            if (last?.GetProperty("status").GetString() == status)
                return last.Value;
            await Task.Delay(50, CancellationToken.None);
        }
        throw new TimeoutException($"{deliveryId} did not become {status}; last seen: {last?.ToString() ?? "no entry"}; the sample wrote:\n{string.Join('\n', Process.Output)}");
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Process.Client.GetAsync(new Uri(path, UriKind.Relative), CancellationToken.None);
        var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpStatusCode> PostApiAsync(string path)
    {
        using var response = await Process.Client.PostAsync(new Uri(path, UriKind.Relative), null, CancellationToken.None);
        return response.StatusCode;
    }

    /// <summary>The sample's "Processed {EventType} {DeliveryId} (attempt N)" lines for the delivery.</summary>
    public string[] Processed(string deliveryId)
        => Process.Lines("Processed ").Where(l => l.Contains($" {deliveryId} (attempt ", StringComparison.Ordinal)).ToArray();

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
