using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebhookReceiver.Tests.Samples;

/// <summary>
/// Runs the Native AOT build of samples/Aot that .ci/run publishes (its path in <c>WEBHOOKS_AOT_SAMPLE</c>) and sends it
/// signed deliveries: processed, duplicate, 401 on both of its endpoints; the Standard Webhooks delegate, whose DI
/// parameter the source generator binds, logs the order it processed.
/// </summary>
public sealed class AotSampleTests
{
    private const string Variable = "WEBHOOKS_AOT_SAMPLE";
    private const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string GitHubSecret = "quickstart-github-development-secret";

    [Fact]
    public async Task NativeSample_SignedDeliveries_AreProcessedOnceAndForgeriesRefused()
    {
        var binary = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(binary))
            Assert.Skip($"{Variable} is not set: .ci/run publishes samples/Aot with Native AOT and sets it to the native executable.");
        Assert.True(File.Exists(binary), $"{Variable} points at {binary}, which does not exist.");

        var port = FreePort();
        using var process = Process.Start(new ProcessStartInfo(binary, $"--urls http://127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(binary)!,
        })!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                output.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilListeningAsync(client, process);

            var standard = new StandardWebhooksScheme("standard", new StandardWebhooksOptions { Secret = StandardSecret });
            var order = Encoding.UTF8.GetBytes("""{"type":"order.created","timestamp":"2026-01-01T00:00:00Z","data":{"orderId":"o-1","amount":12.5}}""");
            var signedOrder = standard.Sign(new WebhookSigningRequest { Body = order, Id = "msg_" + Guid.NewGuid().ToString("N"), Timestamp = DateTimeOffset.UtcNow });
            await AssertStatusAsync(client, "/webhooks/standard", signedOrder, HttpStatusCode.OK, "processed");
            // The handler (Webhook<OrderEvent> hook, OrderLog log, CancellationToken ct) ran with OrderLog from DI.
            await WaitForLineAsync(output, "Processed order.created for order o-1");
            await AssertStatusAsync(client, "/webhooks/standard", signedOrder, HttpStatusCode.OK, "duplicate");
            var forged = new StandardWebhooksScheme("standard", new StandardWebhooksOptions { Secret = "whsec_" + Convert.ToBase64String(new byte[24]) })
                .Sign(new WebhookSigningRequest { Body = order, Id = "msg_forged", Timestamp = DateTimeOffset.UtcNow });
            await AssertStatusAsync(client, "/webhooks/standard", forged, HttpStatusCode.Unauthorized, null);

            var github = new GitHubScheme("github", new GitHubOptions { Secret = GitHubSecret });
            var push = Encoding.UTF8.GetBytes($$"""{"ref":"refs/heads/main","commits":[{"id":"{{Guid.NewGuid():N}}"}]}""");
            var signedPush = github.Sign(new WebhookSigningRequest { Body = push, Id = Guid.NewGuid().ToString(), EventType = "push", Timestamp = DateTimeOffset.UtcNow });
            await AssertStatusAsync(client, "/webhooks/github", signedPush, HttpStatusCode.OK, "processed");
            await AssertStatusAsync(client, "/webhooks/github", signedPush, HttpStatusCode.OK, "duplicate");
            var wrongKey = new GitHubScheme("github", new GitHubOptions { Secret = "not-the-secret" })
                .Sign(new WebhookSigningRequest { Body = push, Id = Guid.NewGuid().ToString(), EventType = "push", Timestamp = DateTimeOffset.UtcNow });
            await AssertStatusAsync(client, "/webhooks/github", wrongKey, HttpStatusCode.Unauthorized, null);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task AssertStatusAsync(HttpClient client, string path, WebhookSignedRequest signed, HttpStatusCode status, string? outcome)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(signed.Body.ToArray()) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in signed.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"{path}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        if (outcome is not null)
            Assert.Equal($$"""{"status":"{{outcome}}"}""", body);
    }

    private static async Task WaitForLineAsync(System.Collections.Concurrent.ConcurrentQueue<string> output, string text)
    {
        var deadline = Stopwatch.StartNew();
        while (!output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"the native sample never logged '{text}'; it logged:\n{string.Join('\n', output)}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitUntilListeningAsync(HttpClient client, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            Assert.False(process.HasExited, $"the native sample exited with code {(process.HasExited ? process.ExitCode : 0)} before listening");
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        Assert.Fail("the native sample did not listen within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
