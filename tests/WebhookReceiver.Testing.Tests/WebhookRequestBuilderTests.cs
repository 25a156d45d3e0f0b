using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Testing.Tests.Infrastructure;

namespace WebhookReceiver.Testing.Tests;

public sealed class WebhookRequestBuilderTests
{
    private const string Body = """{"type":"order.created","data":{"orderId":"ord_1","amount":12}}""";

    private static WebhookRequestBuilder Valid(ReceiverApp app)
        => WebhookRequestBuilder.For("standard-webhooks", ReceiverApp.Secret).To("/webhooks").WithBody(Body).WithTimeProvider(app.Time);

    [Fact]
    public async Task SendAsync_SignedWithTheAppsFakeClock_IsProcessed()
    {
        await using var app = await ReceiverApp.StartAsync();

        using var response = await Valid(app).SendAsync(app.Client, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"processed"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, app.Handled);
    }

    [Fact]
    public async Task SendAsync_WithoutTheAppsClock_IsRefusedAsStale()
    {
        await using var app = await ReceiverApp.StartAsync();

        using var response = await WebhookRequestBuilder.For("standard-webhooks", ReceiverApp.Secret).To("/webhooks").WithBody(Body)
            .SendAsync(app.Client, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string> NegativeCases => ["wrong secret", "stale timestamp", "future timestamp", "tampered body", "missing signature header"];

    [Theory]
    [MemberData(nameof(NegativeCases))]
    public async Task SendAsync_NegativeCase_IsRefusedWith401AndTheHandlerDoesNotRun(string negative)
    {
        await using var app = await ReceiverApp.StartAsync();
        var builder = Valid(app);
        _ = negative switch
        {
            "wrong secret" => builder.WithWrongSecret(),
            "stale timestamp" => builder.WithStaleTimestamp(),
            "future timestamp" => builder.WithFutureTimestamp(),
            "tampered body" => builder.WithTamperedBody(),
            _ => builder.WithoutHeader("webhook-signature"),
        };

        using var response = await builder.SendAsync(app.Client, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, app.Handled);
    }

    [Fact]
    public async Task SendDuplicatesAsync_SameIdTwice_SecondIsADuplicate()
    {
        await using var app = await ReceiverApp.StartAsync();

        var responses = await Valid(app).SendDuplicatesAsync(app.Client, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await responses[0].Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"duplicate"}""", await responses[1].Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, app.Handled);
    }

    [Fact]
    public async Task Build_WithIdTwice_SignsTheSameIdButDistinctMessages()
    {
        await using var app = await ReceiverApp.StartAsync();
        var builder = Valid(app).WithId("msg_fixed");

        using var first = await app.Client.SendAsync(builder.Build(), TestContext.Current.CancellationToken);
        using var second = await app.Client.SendAsync(builder.Build(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("""{"status":"duplicate"}""", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Builder_FromTheAppsOwnScheme_SignsWithItsSecret()
    {
        await using var app = await ReceiverApp.StartAsync();
        var scheme = app.App.Services.GetRequiredService<IWebhookVerifier>().GetScheme("standard");

        using var response = await app.Client.PostWebhookAsync("/webhooks", scheme, System.Text.Encoding.UTF8.GetBytes(Body),
            timeProvider: app.Time, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostWebhookAsync_ProviderAndSecret_IsProcessed()
    {
        await using var app = await ReceiverApp.StartAsync();

        using var response = await app.Client.PostWebhookAsync("/webhooks", WebhookProviders.Find("standard-webhooks")!, ReceiverApp.Secret, Body,
            timeProvider: app.Time, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Sign_TamperedBody_ChangesOneByteOfTheSignedBody()
    {
        var builder = WebhookRequestBuilder.For("standard-webhooks", ReceiverApp.Secret).WithBody(Body).WithTimestamp(DateTimeOffset.UnixEpoch);

        var tampered = builder.WithTamperedBody().Sign().Body.ToArray();

        Assert.Equal(Body.Length, tampered.Length);
        Assert.Equal(1, tampered.Zip(System.Text.Encoding.UTF8.GetBytes(Body)).Count(p => p.First != p.Second));
    }

    [Fact]
    public void For_UnknownProvider_Throws()
        => Assert.Throws<ArgumentException>(() => WebhookRequestBuilder.For("nope", "secret"));
}
