using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;
using WebhookReceiver.Tests.Providers.Stripe;

namespace WebhookReceiver.Tests.Internal;

/// <summary>
/// A handler of a wrapping provider that takes the inner object's type instead of the event gets its fields silently
/// empty: the start-up log warns, naming the endpoint, the handler, the type and the envelope type to take.
/// </summary>
public sealed class WebhookPayloadEnvelopeTests
{
    private const int WarningId = 41;
    private const string Path = "/webhooks/wrapped";
    private static readonly Task Done = Task.CompletedTask;

    /// <summary>Provider id, the envelope type's name, the CLI sample and where the inner object's id sits in it.</summary>
    public static TheoryData<string, string, string, string> Envelopes => new()
    {
        { "stripe", "StripeEvent", "invoice.paid", "data.object.id" },
        { "standard-webhooks", "StandardWebhookEvent", "order.created", "data.orderId" },
        { "paddle", "PaddleEvent", "transaction.completed", "data.id" },
        { "mux", "MuxEvent", "video.asset.ready", "data.id" },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public async Task Startup_InnerObjectPayload_WarnsNamingEndpointHandlerTypeAndEnvelope(string provider, string envelope, string sample, string idPath)
    {
        _ = (sample, idPath);
        await using var host = await StartAsync(provider, endpoint => endpoint.On<InnerObject>("thing.happened", (_, _) => Done));

        var warning = Assert.Single(host.Logs.Entries, e => e.Id.Id == WarningId);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains(Path, warning.Message, StringComparison.Ordinal);
        Assert.Contains("an On/OnAny handler", warning.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(InnerObject).FullName!, warning.Message, StringComparison.Ordinal);
        Assert.Contains($"Webhook<{envelope}<InnerObject>>", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public async Task Startup_EnvelopePayload_DoesNotWarn(string provider, string envelope, string sample, string idPath)
    {
        _ = (envelope, sample, idPath);
        await using var host = await StartAsync(provider, endpoint => OnEnvelope(provider, endpoint));

        Assert.DoesNotContain(host.Logs.Entries, e => e.Id.Id == WarningId);
        Assert.Contains(host.Logs.Entries, e => e.Id.Id == 40);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Deserialize_ProviderSample_EnvelopeGivesTheInnerObject(string provider, string envelope, string sample, string idPath)
    {
        _ = envelope;
        var body = StripeEventTests.CliSample(provider, sample);
        var expected = idPath.Split('.').Aggregate(JsonNode.Parse(body)!, (node, name) => node[name]!).GetValue<string>();
        var json = new WebhookOptions().JsonSerializerOptions;

        var inner = provider switch
        {
            "stripe" => JsonSerializer.Deserialize<StripeEvent<InnerObject>>(body, json)!.Data.Object,
            "standard-webhooks" => JsonSerializer.Deserialize<StandardWebhookEvent<InnerOrder>>(body, json)!.Data is { } order ? new InnerObject(order.OrderId) : null,
            "paddle" => JsonSerializer.Deserialize<PaddleEvent<InnerObject>>(body, json)!.Data,
            "mux" => JsonSerializer.Deserialize<MuxEvent<InnerObject>>(body, json)!.Data,
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };

        Assert.NotNull(inner);
        Assert.Equal(expected, inner.Id);
    }

    [Fact]
    public void Deserialize_ProviderSamples_FillTheEnvelopeMembers()
    {
        var json = new WebhookOptions().JsonSerializerOptions;

        var paddle = JsonSerializer.Deserialize<PaddleEvent<JsonElement>>(StripeEventTests.CliSample("paddle", "transaction.completed"), json)!;
        var mux = JsonSerializer.Deserialize<MuxEvent<JsonElement>>(StripeEventTests.CliSample("mux", "video.asset.ready"), json)!;
        var standard = JsonSerializer.Deserialize<StandardWebhookEvent<JsonElement>>(StripeEventTests.CliSample("standard-webhooks", "order.paid"), json)!;

        Assert.Equal(("evt_01hv8x2acma2gz2cpq5h4mcd0x", "transaction.completed", "ntf_01hv8x2af0gmhc4gczxwqz3sy4"), (paddle.EventId, paddle.EventType, paddle.NotificationId));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero), paddle.OccurredAt);
        Assert.Equal(("video.asset.ready", "3a56ac3d-33da-4366-855b-f592d898409d"), (mux.Type, mux.Id));
        Assert.Equal("asset", mux.Object!.Value.GetProperty("type").GetString());
        Assert.Equal(("order.paid", new DateTimeOffset(2026, 1, 15, 10, 31, 12, TimeSpan.Zero)), (standard.Type, standard.Timestamp));
        Assert.Equal("card", standard.Data.GetProperty("paymentMethod").GetString());
    }

    [Fact]
    public async Task Startup_UntypedPayloads_NeverWarn()
    {
        await using var host = await StartAsync("stripe", endpoint => endpoint
            .On<JsonElement>("a", (_, _) => Done)
            .On<JsonDocument>("b", (_, _) => Done)
            .On<JsonNode>("c", (_, _) => Done)
            .On<string>("d", (_, _) => Done)
            .On<byte[]>("e", (_, _) => Done)
            .On<object>("f", (_, _) => Done)
            .On<Dictionary<string, JsonElement>>("g", (_, _) => Done)
            .OnAny<OrderEvent>((_, _) => Done));    // has "type" and "data": an envelope of its own

        Assert.DoesNotContain(host.Logs.Entries, e => e.Id.Id == WarningId);
    }

    [Fact]
    public async Task Startup_HandlerClassTakingTheInnerObject_WarnsNamingTheClass()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStripe("stripe", o => o.Secret = "whsec_test").AddWebhookHandler<InnerObjectHandler<InnerObject>, InnerObject>(),
            app => app.MapWebhook(Path, "stripe"));

        var warning = Assert.Single(host.Logs.Entries, e => e.Id.Id == WarningId);
        Assert.Contains("handler class " + typeof(InnerObjectHandler<InnerObject>).FullName, warning.Message, StringComparison.Ordinal);
        Assert.Contains("IWebhookHandler<StripeEvent<InnerObject>>", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_StandardWebhooksWithOwnEventTypeProperty_DoesNotWarn()
    {
        // A sender that names its event type otherwise does not follow the spec's {"type","timestamp","data"} shape.
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => { o.Secret = StandardDelivery.Secret; o.EventTypeProperty = "event"; }),
            app => app.MapWebhook(Path, "orders").On<InnerObject>("thing.happened", (_, _) => Done));

        Assert.DoesNotContain(host.Logs.Entries, e => e.Id.Id == WarningId);
    }

    [Fact]
    public async Task Startup_ProviderWithoutEnvelope_DoesNotWarn()
    {
        // GitHub's body is the event itself: {"ref":…,"commits":[…]}.
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddGitHub("github", o => o.Secret = "github-secret"),
            app => app.MapWebhook(Path, "github").On<InnerObject>("push", (_, _) => Done));

        Assert.DoesNotContain(host.Logs.Entries, e => e.Id.Id == WarningId);
    }

    private static Task<WebhookTestHost> StartAsync(string provider, Action<WebhookEndpointConventionBuilder> map)
        => WebhookTestHost.StartAsync(
            schemes => _ = provider switch
            {
                "stripe" => schemes.AddStripe("wrapped", o => o.Secret = "whsec_test"),
                "standard-webhooks" => schemes.AddStandardWebhooks("wrapped", o => o.Secret = StandardDelivery.Secret),
                "paddle" => schemes.AddPaddle("wrapped", o => o.Secret = "pdl_ntfset_test"),
                "mux" => schemes.AddMux("wrapped", o => o.Secret = "mux-secret"),
                _ => throw new ArgumentOutOfRangeException(nameof(provider)),
            },
            app => map(app.MapWebhook(Path, "wrapped")));

    private static void OnEnvelope(string provider, WebhookEndpointConventionBuilder endpoint)
        => _ = provider switch
        {
            "stripe" => endpoint.On<StripeEvent<InnerObject>>("thing.happened", (_, _) => Done),
            "standard-webhooks" => endpoint.On<StandardWebhookEvent<InnerObject>>("thing.happened", (_, _) => Done),
            "paddle" => endpoint.On<PaddleEvent<InnerObject>>("thing.happened", (_, _) => Done),
            "mux" => endpoint.On<MuxEvent<InnerObject>>("thing.happened", (_, _) => Done),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
}

/// <summary>What a newcomer writes for the object inside the event (an invoice, a transaction, an asset).</summary>
public sealed record InnerObject(string? Id);

/// <summary>The order inside the Standard Webhooks sample's <c>data</c>.</summary>
public sealed record InnerOrder(string? OrderId);

/// <summary>A handler class taking <typeparamref name="T"/>; generic, so the assembly scans of other tests skip it.</summary>
[WebhookHandler("stripe", "invoice.paid")]
public sealed class InnerObjectHandler<T> : IWebhookHandler<T>
{
    public Task HandleAsync(Webhook<T> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
}
