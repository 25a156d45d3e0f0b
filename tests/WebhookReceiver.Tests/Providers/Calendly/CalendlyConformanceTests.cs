using System.Net;
using System.Text.Json;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Calendly;

public sealed class CalendlyConformanceTests : ProviderEnvelopeConformanceTests
{
    public override WebhookProvider Provider => CalendlyScheme.Provider;

    protected override string SigningSecret => "calendly-signing-key-6f1e2d3c4b5a";

    protected override string OtherSigningSecret => "calendly-signing-key-000000000000";

    protected override string SignatureHeader => CalendlyDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string? ExpectedDeliveryId => null;

    protected override string Body => """{"created_at":"2026-11-27T12:00:00.000000Z","created_by":"https://api.calendly.com/users/AAA","event":"invitee.created","payload":{"uri":"https://api.calendly.com/scheduled_events/EEE/invitees/III","email":"ada@example.com"}}""";

    protected override string? EventType => "invitee.created";

    [Fact]
    public void Options_Default_ToleranceIsThreeMinutes()
        => Assert.Equal(TimeSpan.FromMinutes(3), new CalendlyOptions().Tolerance);

    [Theory]
    [InlineData(-179, true)]
    [InlineData(-181, false)]
    [InlineData(179, true)]
    [InlineData(181, false)]
    public void Verify_AroundThreeMinutes_AcceptsOnlyInsideTheWindow(int offsetSeconds, bool valid)
    {
        var now = WebhookTestHost.Start;

        var result = Verify(ToRequest(Sign(SigningSecret, now.AddSeconds(offsetSeconds))), now);

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void ReadDelivery_Body_ReadsSignedEventAndKeysOnTheBody()
    {
        var e = Read(Sign(SigningSecret, WebhookTestHost.Start));

        Assert.Equal(WebhookValue.FromSigned("invitee.created"), e.EventType);
        Assert.Null(e.Id.Value);
        Assert.Equal(WebhookReplayKeys.ForSignedContent(System.Text.Encoding.UTF8.GetBytes(Body)), e.ReplayKey);
    }

    [Fact]
    public async Task Pipeline_RetryOfTheSameBodyWithANewTimestamp_IsAnsweredAsDuplicate()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);
        var first = Sign(SigningSecret, host.Time.GetUtcNow());
        host.Time.Advance(TimeSpan.FromSeconds(30));
        var retry = Sign(SigningSecret, host.Time.GetUtcNow());
        var other = Sign(SigningSecret, host.Time.GetUtcNow(), Body.Replace("ada@", "grace@", StringComparison.Ordinal));

        var responses = new List<string>();
        foreach (var signed in new[] { first, retry, other })
        {
            var response = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            responses.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(["""{"status":"processed"}""", """{"status":"duplicate"}""", """{"status":"processed"}"""], responses);
        Assert.Equal(2, handler.Runs);
    }

}
