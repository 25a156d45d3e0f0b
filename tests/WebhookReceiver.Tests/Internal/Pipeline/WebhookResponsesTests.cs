using Microsoft.AspNetCore.Http;
using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal.Pipeline;

/// <summary>The library's own answers, and the bodiless ones of schemes that ask for them (<see cref="WebhookScheme.AnswersWithoutBody"/>).</summary>
public sealed class WebhookResponsesTests
{
    private static DefaultHttpContext Context(bool bodiless)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        if (bodiless)
            WebhookResponses.OmitBodies(context);
        return context;
    }

    private static string BodyOf(HttpContext context) => System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());

    public static TheoryData<string, int> Outcomes => new()
    {
        { "Processed", 200 },
        { "Accepted", 200 },
        { "Ignored", 200 },
        { "Duplicate", 200 },
        { "InFlight", 409 },
        { "Unavailable", 503 },
        { "Malformed", 400 },
        { "Failed", 500 },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task WriteOutcomeAsync_Bodiless_WritesTheStatusAlone(string outcome, int status)
    {
        var context = Context(bodiless: true);

        await WebhookResponses.WriteOutcomeAsync(context, Enum.Parse<WebhookOutcome>(outcome), new WebhookOptions());

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(0, context.Response.ContentLength);
        Assert.Null(context.Response.ContentType);
        Assert.Equal("", BodyOf(context));
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task WriteOutcomeAsync_ByDefault_WritesTheStatusBody(string outcome, int status)
    {
        var context = Context(bodiless: false);

        await WebhookResponses.WriteOutcomeAsync(context, Enum.Parse<WebhookOutcome>(outcome), new WebhookOptions());

        Assert.Equal(status, context.Response.StatusCode);
        Assert.NotEqual("", BodyOf(context));
        Assert.Equal(context.Response.ContentLength, context.Response.Body.Length);
        Assert.StartsWith("application/", context.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteProblemAsync_Bodiless_KeepsRetryAfter()
    {
        var context = Context(bodiless: true);

        await WebhookResponses.WriteProblemAsync(context, 503, WebhookResponses.ServiceUnavailable, TimeSpan.FromSeconds(30));

        Assert.Equal("30", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("", BodyOf(context));
    }

    [Fact]
    public async Task WriteHandshakeAsync_Bodiless_WritesTheSchemesOwnAnswer()
    {
        var context = Context(bodiless: true);

        await WebhookResponses.WriteHandshakeAsync(context, new WebhookHandshakeResponse(200, "text/plain", "challenge"u8.ToArray()));

        Assert.Equal("challenge", BodyOf(context));
        Assert.Equal("text/plain", context.Response.ContentType);
    }

    [Fact]
    public void AnswersWithoutBody_IsOffForEveryProviderButXero()
    {
        var bodiless = WebhookProviders.All
            .Where(p => Infrastructure.ProviderTestSecrets.CreateScheme(p, Infrastructure.ProviderTestSecrets.SecretFor(p)).AnswersWithoutBody)
            .Select(p => p.Id);

        Assert.Equal(["xero"], bodiless);
    }
}
