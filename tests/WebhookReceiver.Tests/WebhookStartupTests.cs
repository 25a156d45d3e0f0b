using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests;

/// <summary>Fail closed at start-up: misconfiguration stops the app with a message that names the scheme.</summary>
public sealed class WebhookStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MissingSecret_StopsStartupNamingTheScheme()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("billing"),
            app => { }));

        Assert.Contains("'billing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Schemes:billing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayloadTypeTheJsonResolverCannotProduce_StopsStartupNamingTheTypeAndTheFix()
    {
        // What Native AOT gives an app whose source-generated context lacks the payload type: before, every delivery
        // was answered 400 with only an Information line.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders").On<OrderEvent>("order.created", (hook, ct) => Task.CompletedTask),
            services => services.Configure<WebhookOptions>(o => o.JsonSerializerOptions.TypeInfoResolver = JsonResolverWithout.Payloads)));

        var message = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0].Message : error.Message;
        Assert.Contains(StandardDelivery.Path, message, StringComparison.Ordinal);
        Assert.Contains(typeof(OrderEvent).FullName!, message, StringComparison.Ordinal);
        Assert.Contains("[JsonSerializable(typeof(OrderEvent))]", message, StringComparison.Ordinal);
        Assert.Contains("TypeInfoResolverChain", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayloadTypeTheJsonResolverProduces_Starts()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders").On<OrderEvent>("order.created", (hook, ct) => Task.CompletedTask),
            services => services.Configure<WebhookOptions>(o => o.JsonSerializerOptions.TypeInfoResolver = StartupJsonContext.Default));

        var response = await host.Client.SendAsync(StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody()), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SecretNotBase64_StopsStartupWithoutEchoingTheSecret()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("billing", o => o.Secret = "whsec_%%%not-base64%%%"),
            app => { }));

        Assert.Contains("not valid base64 after 'whsec_'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSchemeInMapWebhook_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook("/webhooks/x", "ordres")));

        Assert.Contains("'ordres'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapWebhookWithoutAddWebhooks_Throws()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapWebhook("/webhooks/x", "orders"));

        Assert.Contains("AddWebhooks()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateSchemeName_Throws()
    {
        var services = new ServiceCollection();
        var builder = services.AddWebhooks().AddStandardWebhooks("orders");

        Assert.Throws<InvalidOperationException>(() => builder.AddStandardWebhooks("orders"));
    }

    [Fact]
    public async Task SecretFromConfiguration_IsUsed()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders"),
            app => app.MapWebhook<OrderEvent>(StandardDelivery.Path, "orders", (_, _) => Task.CompletedTask),
            configuration: new() { ["Webhooks:Schemes:orders:Secret"] = StandardDelivery.Secret, ["Webhooks:Schemes:orders:Tolerance"] = "00:00:10" });

        var ok = await host.Client.SendAsync(StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody(), id: "a"), Ct);
        var stale = await host.Client.SendAsync(StandardDelivery.Create(host.Time.GetUtcNow().AddSeconds(-11), StandardDelivery.OrderBody(), id: "b"), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task ConfigurationReload_RotatesSecretWithoutRestart()
    {
        const string newSecret = "whsec_bmV3LXNlY3JldC1mb3Itcm90YXRpb24tdGVzdHM=";
        var source = new ReloadableSource();
        source.Set("Webhooks:Schemes:orders:Secret", StandardDelivery.Secret);
        await using var app = await StartWithAsync(source);
        var client = app.GetTestClient();
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var before = await client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "1", secret: newSecret), Ct);
        source.Set("Webhooks:Schemes:orders:Secret", newSecret);
        var after = await client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "2", secret: newSecret), Ct);
        var old = await client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "3", secret: StandardDelivery.Secret), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
    }

    [Fact]
    public async Task ConfigurationReload_InvalidSecret_KeepsPreviousKeys()
    {
        var source = new ReloadableSource();
        source.Set("Webhooks:Schemes:orders:Secret", StandardDelivery.Secret);
        await using var app = await StartWithAsync(source);
        var client = app.GetTestClient();
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        source.Set("Webhooks:Schemes:orders:Secret", "whsec_%%%");
        var response = await client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "1"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A receiver whose configuration comes from <paramref name="source"/>, so tests can change it while it runs.</summary>
    private static async Task<WebApplication> StartWithAsync(ReloadableSource source)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        ((IConfigurationBuilder)builder.Configuration).Add(source);
        builder.Services.AddWebhooks().AddStandardWebhooks("orders");
        var app = builder.Build();
        app.MapWebhook<OrderEvent>(StandardDelivery.Path, "orders", (_, _) => Task.CompletedTask);
        await app.StartAsync(Ct);
        return app;
    }

    private sealed class ReloadableSource : ConfigurationProvider, IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        public new void Set(string key, string? value)
        {
            base.Set(key, value);
            OnReload();
        }
    }
}

/// <summary>A source-generated context with the sample payload type, as a Native AOT app has.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(OrderEvent))]
internal sealed partial class StartupJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>A resolver that knows no payload type.</summary>
internal static class JsonResolverWithout
{
    public static System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver Payloads { get; } = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine();
}
