using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Stripe;

/// <summary>Stripe wraps the object in the event: <see cref="StripeEvent{TObject}"/> hands the handler the inner object.</summary>
public sealed class StripeEventTests
{
    private const string Secret = "whsec_test_8f3b2c1d9e7a6f5b4c3d2e1f0a9b8c7d";
    private static readonly JsonSerializerOptions Web = new WebhookOptions().JsonSerializerOptions;

    [Fact]
    public void Deserialize_StripeDotnetFixture_GivesTheEventAndTheInnerObject()
    {
        // The body Stripe's own .NET SDK tests with (tests/Vectors/stripe.json), byte for byte.
        var body = VectorFile.Load("stripe")[0].Body;

        var stripeEvent = JsonSerializer.Deserialize<StripeEvent<StripeCustomer>>(body, Web)!;

        Assert.Equal("evt_123", stripeEvent.Id);
        Assert.Equal("event", stripeEvent.Object);
        Assert.Equal("customer.created", stripeEvent.Type);
        Assert.Equal("2017-05-25", stripeEvent.ApiVersion);
        Assert.Equal("acct_123", stripeEvent.Account);
        Assert.Equal(1533204620, stripeEvent.Created);
        Assert.False(stripeEvent.Livemode);
        Assert.Equal(1, stripeEvent.PendingWebhooks);
        Assert.Equal("cus_123", stripeEvent.Data.Object.Id);
        Assert.Equal("test@stripe.com", stripeEvent.Data.Object.Email);
        Assert.Null(stripeEvent.Data.PreviousAttributes);
    }

    [Fact]
    public void Deserialize_UpdatedEvent_KeepsPreviousAttributes()
    {
        const string body = """{"id":"evt_9","type":"invoice.updated","data":{"object":{"id":"in_9","amount_paid":900},"previous_attributes":{"amount_paid":0}}}""";

        var stripeEvent = JsonSerializer.Deserialize<StripeEvent<StripeInvoice>>(body, Web)!;

        Assert.Equal(900, stripeEvent.Data.Object.AmountPaid);
        Assert.Equal(0, stripeEvent.Data.PreviousAttributes!.Value.GetProperty("amount_paid").GetInt32());
    }

    [Fact]
    public void Deserialize_WithSourceGeneratedContext_GivesTheInnerObject()
    {
        // What a Native AOT app does: [JsonSerializable(typeof(StripeEvent<Invoice>))] in its own context.
        var body = CliSample("stripe", "invoice.paid");

        var stripeEvent = JsonSerializer.Deserialize(body, EnvelopeJsonContext.Default.StripeEventStripeInvoice)!;

        Assert.Equal("invoice.paid", stripeEvent.Type);
        Assert.Equal("in_1Q1pYzLkdIwHu7ix", stripeEvent.Data.Object.Id);
        Assert.Equal(1500, stripeEvent.Data.Object.AmountPaid);
        Assert.Equal("usd", stripeEvent.Data.Object.Currency);
    }

    [Fact]
    public async Task Pipeline_SignedInvoicePaid_HandlerReadsTheInvoiceFromDataObject()
    {
        StripeInvoice? invoice = null;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStripe("stripe", o => o.Secret = Secret),
            app => app.MapWebhook("/webhooks/stripe", "stripe").On<StripeEvent<StripeInvoice>>("invoice.paid", (hook, ct) =>
            {
                invoice = hook.Payload.Data.Object;
                return Task.CompletedTask;
            }));
        var body = CliSample("stripe", "invoice.paid");
        var signed = new StripeScheme("stripe", new StripeOptions { Secret = Secret })
            .Sign(new WebhookSigningRequest { Body = Encoding.UTF8.GetBytes(body), Timestamp = host.Time.GetUtcNow() });

        var response = await host.Client.SendAsync(signed.ToHttpRequest("/webhooks/stripe"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(invoice);
        Assert.Equal("in_1Q1pYzLkdIwHu7ix", invoice.Id);
        Assert.Equal(1500, invoice.AmountPaid);
    }

    /// <summary>The body of one of the <c>webhook</c> tool's <c>--sample</c> events (src/WebhookReceiver.Cli/Samples/Data).</summary>
    internal static string CliSample(string provider, string name)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "WebhookReceiver.Cli", "Samples", "Data", provider + ".json")));
        return file.RootElement.GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("body").GetRawText();
    }
}

/// <summary>The part of a Stripe invoice a newcomer's handler reads.</summary>
public sealed record StripeInvoice(string Id, [property: JsonPropertyName("amount_paid")] long AmountPaid, string? Currency);

/// <summary>The part of a Stripe customer the tests read.</summary>
public sealed record StripeCustomer(string Id, string? Email);

/// <summary>A user's source-generated context holding envelope types, as under Native AOT (web defaults, as WebhookOptions).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StripeEvent<StripeInvoice>))]
internal sealed partial class EnvelopeJsonContext : JsonSerializerContext;
