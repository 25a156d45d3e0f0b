using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Square;

public sealed class SquareConformanceTests : ProviderConformanceTests
{
    public override WebhookProvider Provider => SquareScheme.Provider;

    protected override string SigningSecret => "Ibxx_5AKakO-3qeNVR61Dw";

    protected override string OtherSigningSecret => "some-other-signature-key";

    protected override string SignatureHeader => SquareDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"merchant_id":"M1","type":"payment.created","event_id":"evt_1001","data":{"type":"payment","id":"p1"}}""";

    protected override string? EventType => "payment.created";

    [Fact]
    public void Sign_WithoutUrl_Throws()
    {
        var scheme = CreateScheme(SigningSecret);
        Assert.Throws<InvalidOperationException>(() => scheme.Sign(new WebhookSigningRequest { Body = Encoding.UTF8.GetBytes(Body), Timestamp = WebhookTestHost.Start }));
    }

    [Fact]
    public void ReadDelivery_SquareEvent_ReadsSignedEventIdAndType()
    {
        var e = Read(Sign(SigningSecret, WebhookTestHost.Start));
        Assert.Equal((WebhookValue.FromSigned("evt_1001"), WebhookValue.FromSigned("payment.created")), (e.Id, e.EventType));
        Assert.Equal("evt_1001", e.ReplayKey);
    }

    [Fact]
    public async Task Pipeline_EventType_DispatchesToItsHandler()
    {
        string? seen = null;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSquare(SchemeName, o => o.Secret = SigningSecret),
            app => app.MapWebhook(Path, SchemeName).On<System.Text.Json.JsonElement>("payment.created", (hook, ct) =>
            {
                seen = hook.DeliveryId;
                return Task.CompletedTask;
            }));
        var signed = Sign(SigningSecret, host.Time.GetUtcNow());

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("evt_1001", seen);
    }

    [Fact]
    public async Task Pipeline_PublicBaseUrl_IsTheNotificationUrlSquareSigned()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSquare(SchemeName, o => { o.Secret = SigningSecret; o.PublicBaseUrl = "https://shop.example.com/api"; }),
            app => app.MapWebhook<System.Text.Json.JsonElement>(Path, SchemeName, (hook, ct) => Task.CompletedTask));
        var signed = CreateScheme(SigningSecret).Sign(new WebhookSigningRequest
        {
            Body = Encoding.UTF8.GetBytes(Body),
            Url = "https://shop.example.com/api" + Path,
            Timestamp = host.Time.GetUtcNow(),
        });

        var message = signed.ToHttpRequest(Url);
        message.RequestUri = new Uri(Url); // the app behind the proxy is called at its own address

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
