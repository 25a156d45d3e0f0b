using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Tests.Internal;

public sealed class WebhookCaptureWriterTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task Endpoint_CaptureUnverified_WritesEveryDeliveryWithItsOutcome()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory().FullName, "captures");
        var body = Encoding.UTF8.GetBytes("{\"type\":\"order.created\"}\n");

        await using (var app = await StartAsync(directory, o => o.CaptureUnverified = true))
        {
            using var client = app.GetTestClient();
            using var good = await client.SendAsync(Signed(body, Secret), TestContext.Current.CancellationToken);
            using var bad = await client.SendAsync(Signed(body, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSX"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        } // disposing the app writes what is still queued

        var captures = Directory.GetFiles(directory, "*.json").Select(WebhookCapture.Load).OrderBy(c => c.StatusCode).ToList();
        Assert.Equal([(200, "processed"), (401, "unauthorized")], captures.Select(c => (c.StatusCode!.Value, c.Outcome!)));
        Assert.All(captures, c => Assert.Equal(body, c.Body));
        Assert.All(captures, c => Assert.Equal(("standard", "/webhooks", "?src=t"), (c.Scheme!, c.Path, c.Query!)));
        Assert.All(captures, c => Assert.True(c.Headers.ContainsKey("webhook-signature")));
    }

    [Fact]
    public async Task Endpoint_CaptureOff_ResolvesNoWriter()
    {
        await using var app = await StartAsync(directory: null);
        using var client = app.GetTestClient();

        using var response = await client.SendAsync(Signed("{\"type\":\"x\"}"u8.ToArray(), Secret), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<WebhookReceiver.Internal.WebhookCaptureWriter>());
    }

    [Fact]
    public async Task Endpoint_ByDefault_WritesVerifiedDeliveriesOnlyWithSecretHeadersRedacted()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory().FullName, "captures");
        const string token = "gitlab-secret-token-1";
        var gitlab = new GitLabScheme("gitlab", new GitLabOptions { Secret = token });
        await using (var app = await StartAsync(directory))
        {
            using var client = app.GetTestClient();
            var signed = Signed("{\"type\":\"order.created\"}"u8.ToArray(), Secret);
            signed.Headers.Add("Authorization", "Bearer sk_live_canary");
            signed.Headers.Add("Cookie", "session=canary");
            using var good = await client.SendAsync(signed, TestContext.Current.CancellationToken);
            using var forged = await client.SendAsync(Signed("{}"u8.ToArray(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSX"), TestContext.Current.CancellationToken);
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/gitlab") { Content = new StringContent("{\"object_kind\":\"push\"}") };
            foreach (var (name, value) in gitlab.Sign(new WebhookSigningRequest { Body = "{}"u8.ToArray() }).Headers)
                tokenRequest.Headers.TryAddWithoutValidation(name, value);
            using var push = await client.SendAsync(tokenRequest, TestContext.Current.CancellationToken);
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (good.StatusCode, forged.StatusCode, push.StatusCode));
        }

        var files = Directory.GetFiles(directory, "*.json");
        var text = string.Concat(files.Select(File.ReadAllText));
        Assert.Equal(2, files.Length);
        Assert.DoesNotContain("canary", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.Contains(files.Select(WebhookCapture.Load), c => c.Headers.TryGetValue("X-Gitlab-Token", out var v) && v.SequenceEqual(["[redacted]"]));
    }

    [Fact]
    public async Task Endpoint_EventGridSecretInTheQuery_IsRedacted()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory().FullName, "captures");
        const string secret = "eg-secret-canary-42";
        await using (var app = await StartAsync(directory,
            schemes: s => s.AddEventGrid("eventgrid", o => o.Secret = secret),
            endpoints: web => web.MapWebhook<JsonElement>("/eventgrid", "eventgrid", (_, _) => Task.CompletedTask)))
        {
            using var client = app.GetTestClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/eventgrid?src=t&code=" + secret)
            {
                Content = new StringContent("""[{"id":"1","eventType":"Contoso.Thing","data":{}}]"""),
            };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var capture = WebhookCapture.Load(Assert.Single(Directory.GetFiles(directory, "*.json")));
        Assert.Equal("?src=t&code=%5Bredacted%5D", capture.Query);
        Assert.DoesNotContain(secret, string.Concat(Directory.GetFiles(directory, "*.json").Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_BodyOverCaptureMaxBodySize_IsNotWritten()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory().FullName, "captures");
        await using (var app = await StartAsync(directory, o => o.CaptureMaxBodySize = 64))
        {
            using var client = app.GetTestClient();
            using var small = await client.SendAsync(Signed("{\"type\":\"a\"}"u8.ToArray(), Secret), TestContext.Current.CancellationToken);
            using var large = await client.SendAsync(Signed(Encoding.UTF8.GetBytes("{\"type\":\"" + new string('x', 200) + "\"}"), Secret),
                TestContext.Current.CancellationToken);
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (small.StatusCode, large.StatusCode));
        }

        Assert.Single(Directory.GetFiles(directory, "*.json"));
    }

    private static async Task<WebApplication> StartAsync(string? directory, Action<WebhookOptions>? configure = null,
        Action<WebhookBuilder>? schemes = null, Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var webhooks = builder.Services.AddWebhooks(o =>
            {
                o.CaptureDirectory = directory;
                configure?.Invoke(o);
            })
            .AddStandardWebhooks("standard", o => o.Secret = Secret)
            .AddGitLab("gitlab", o => o.Secret = "gitlab-secret-token-1");
        schemes?.Invoke(webhooks);
        var app = builder.Build();
        endpoints?.Invoke(app);
        app.MapWebhook<JsonElement>("/webhooks", "standard", (_, _) => Task.CompletedTask);
        app.MapWebhook<JsonElement>("/gitlab", "gitlab", (_, _) => Task.CompletedTask);
        await app.StartAsync();
        return app;
    }

    private static HttpRequestMessage Signed(byte[] body, string secret)
        => WebhookRequestBuilder.For("standard-webhooks", secret).To("/webhooks?src=t").WithBody(body).Build();
}
