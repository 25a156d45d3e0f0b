using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebhookReceiver.Testing;

namespace WebhookReceiver.OutsideProvider.Tests;

/// <summary>A provider added from outside the library runs through the same pipeline, store and Testing package as the built-in ones.</summary>
public sealed class AcmeSchemeTests
{
    private const string Secret = "acme-secret-1";
    private const string Body = """{"id":"evt_42","event":"thing.created","data":{"n":1}}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly FakeTimeProvider Time = new(Now);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(WebApplication App, HttpClient Client, List<string?> Seen)> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddWebhooks().AddScheme("acme", AcmeScheme.Provider, o => o.Secret = Secret);
        var app = builder.Build();
        var seen = new List<string?>();
        app.MapWebhook("/hooks/acme", "acme").On<JsonElement>("thing.created", (hook, ct) =>
        {
            seen.Add(hook.DeliveryId);
            return Task.CompletedTask;
        });
        await app.StartAsync(Ct);
        return (app, app.GetTestClient(), seen);
    }

    private static WebhookScheme Scheme(string secret) => AcmeScheme.Provider.Build("acme", new AcmeOptions { Secret = secret });

    [Fact]
    public void SignThenVerify_ReadsTheSignedIdAsTheReplayKey()
    {
        var scheme = Scheme(Secret);
        var signed = scheme.Sign(new WebhookSigningRequest { Body = Encoding.UTF8.GetBytes(Body), Timestamp = Now });
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary();
        foreach (var (name, value) in signed.Headers)
            headers[name] = value;

        var result = scheme.Verify(new WebhookRequest("POST", null, headers, signed.Body), Now);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal("evt_42", result.Delivery!.Whole.ReplayKey);
        Assert.Equal(Now, result.Delivery.Timestamp);
    }

    [Fact]
    public async Task Pipeline_SignedByTheTestingPackage_IsProcessedOnceThenDuplicateAndForgeriesAre401()
    {
        var (app, client, seen) = await StartAsync();
        await using var _ = app;

        var first = await client.PostWebhookAsync("/hooks/acme", Scheme(Secret), Encoding.UTF8.GetBytes(Body), timeProvider: Time, cancellationToken: Ct);
        var replay = await client.PostWebhookAsync("/hooks/acme", Scheme(Secret), Encoding.UTF8.GetBytes(Body), timeProvider: Time, cancellationToken: Ct);
        var forged = await client.PostWebhookAsync("/hooks/acme", Scheme("another-secret"), Encoding.UTF8.GetBytes(Body), timeProvider: Time, cancellationToken: Ct);
        var unreadable = await client.PostWebhookAsync("/hooks/acme", Scheme(Secret), "[1,2]"u8.ToArray(), timeProvider: Time, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"status":"duplicate"}""", await replay.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(["evt_42"], seen);
    }

    [Fact]
    public void Build_MissingSecret_FailsAsAtStartUp()
        => Assert.Throws<ArgumentException>(() => AcmeScheme.Provider.Build("acme", new AcmeOptions()));
}
