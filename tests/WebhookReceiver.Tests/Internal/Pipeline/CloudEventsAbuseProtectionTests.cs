using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal.Pipeline;

/// <summary>CloudEvents 1.0 web hook abuse protection (OPTIONS validation request) through the real pipeline, on any scheme.</summary>
public sealed class CloudEventsAbuseProtectionTests
{
    private const string Path = "/webhooks/orders";

    private static Task<WebhookTestHost> StartAsync(params string[] origins)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o =>
            {
                o.Secret = StandardDelivery.Secret;
                foreach (var origin in origins)
                    o.CloudEventsAllowedOrigins.Add(origin);
            }),
            app => app.MapWebhook(Path, "orders", (Webhook<System.Text.Json.JsonElement> hook, CancellationToken ct) => Task.CompletedTask));

    private static async Task<HttpResponseMessage> OptionsAsync(WebhookTestHost host, string? origin, string? rate = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "http://localhost" + Path);
        if (origin is not null)
            request.Headers.Add("WebHook-Request-Origin", origin);
        if (rate is not null)
            request.Headers.Add("WebHook-Request-Rate", rate);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Options_AllowedOrigin_IsEchoedWithAllowPost()
    {
        await using var host = await StartAsync("events.example.com");

        var response = await OptionsAsync(host, "Events.Example.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Events.Example.com", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.False(response.Headers.Contains("WebHook-Allowed-Rate"));
    }

    [Fact]
    public async Task Options_Wildcard_AnswersStarAndGrantsTheRate()
    {
        await using var host = await StartAsync("*");

        var response = await OptionsAsync(host, "anyone.example.net", "*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
        Assert.Equal("*", response.Headers.GetValues("WebHook-Allowed-Rate").Single());
    }

    [Fact]
    public async Task Options_OriginNotAllowed_Answers403WithoutAllowedOrigin()
    {
        await using var host = await StartAsync("events.example.com");

        var response = await OptionsAsync(host, "attacker.example.org");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("WebHook-Allowed-Origin"));
    }

    [Fact]
    public async Task Options_NoOrigin_Answers400()
    {
        await using var host = await StartAsync("events.example.com");

        var response = await OptionsAsync(host, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Options_NoAllowedOrigins_IsNotMapped()
    {
        await using var host = await StartAsync();

        var response = await OptionsAsync(host, "events.example.com");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
