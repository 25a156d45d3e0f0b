using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers;

/// <summary>
/// A delivery's identity is what the provider signs (DESIGN.md, "The delivery model"): copies that differ only in what the
/// signature does not cover (an unsigned id or event type, the signature's encoding) are duplicates, and fill no store.
/// </summary>
public abstract partial class ProviderConformanceTests
{
    /// <summary>Headers the provider sends outside its signature that name the delivery (unsigned ids). Default: none.</summary>
    protected virtual IReadOnlyList<string> UnsignedIdHeaders => [];

    /// <summary>The header that carries the event type outside the signature, if the provider has one. Default: none.</summary>
    protected virtual string? UnsignedEventTypeHeader => null;

    /// <summary>
    /// The signed request with its signature re-encoded (another case, spacing, or a second valid signature for
    /// malleable schemes) so that it still verifies; <see langword="null"/> where the encoding allows no such copy.
    /// Default: hex signatures in <see cref="SignatureHeader"/> upper-cased.
    /// </summary>
    protected virtual WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery) => UpperCaseHex(delivery, SignatureHeader);

    [Fact]
    public async Task Pipeline_CopiesWithOtherUnsignedIds_AreDuplicatesUnderOneStoreEntry()
    {
        if (UnsignedIdHeaders.Count == 0)
            Assert.Skip($"{Provider.Id} signs its delivery id or sends none in a header.");
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), id: "delivery-1");

        var first = await host.Client.SendAsync(signed.ToHttpRequest(Url, ContentType), TestContext.Current.CancellationToken);
        var copies = new List<string>();
        for (var i = 0; i < 5; i++)
            copies.Add(await SendAsync(host, WithHeaders(signed, UnsignedIdHeaders, $"forged-{i}")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.All(copies, body => Assert.Equal(StatusBody("duplicate"), body));
        Assert.Equal(1, runs);
        Assert.Equal(1, host.Services.GetRequiredService<IWebhookNonceStore>() is WebhookReceiver.Replay.InMemoryNonceStore store ? store.Count : -1);
    }

    [Fact]
    public async Task Pipeline_CopyRelabelledToAnotherEventType_IsNotProcessed()
    {
        var header = UnsignedEventTypeHeader;
        if (header is null)
        {
            Assert.Skip($"{Provider.Id} signs its event type or sends none in a header.");
            return;
        }
        var runs = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddScheme(SchemeName, Provider, options =>
            {
                options.Secret = VerifyingSecret;
                Configure(options);
            }),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("relabelled.handled", (hook, ct) => Record(runs, hook))
                .On<JsonElement>(EventType ?? "test.event", (hook, ct) => Record(runs, hook)));
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), id: "delivery-1");

        // Sent first with a label no handler takes (ignored, yet claimed), then relabelled to handled types.
        var ignored = await SendAsync(host, WithHeaders(signed, [header], "relabelled.unhandled"));
        var asSigned = await SendAsync(host, WithHeaders(signed, [header], EventType ?? "test.event"));
        var relabelled = await SendAsync(host, WithHeaders(signed, [header], "relabelled.handled"));

        Assert.Equal(StatusBody("ignored"), ignored);
        Assert.Equal(StatusBody("duplicate"), asSigned);
        Assert.Equal(StatusBody("duplicate"), relabelled);
        Assert.Empty(runs);
    }

    [Fact]
    public async Task Pipeline_ReencodedSignature_IsADuplicate()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow());
        if (ReencodeSignature(signed) is not { } reencoded)
        {
            Assert.Skip($"{Provider.Id}'s signature encoding has no second form.");
            return;
        }
        Assert.True(Verify(ToRequest(reencoded), host.Time.GetUtcNow()).Succeeded, "the re-encoded copy must still verify");

        var first = await SendAsync(host, signed.ToHttpRequest(Url, ContentType));
        var second = await SendAsync(host, reencoded.ToHttpRequest(Url, ContentType));

        Assert.Equal(ProcessedBody, first);
        Assert.Equal(StatusBody("duplicate"), second);
        Assert.Equal(1, runs);
    }

    /// <summary>The signed request with each of <paramref name="headers"/> set to <paramref name="value"/>.</summary>
    protected HttpRequestMessage WithHeaders(WebhookSignedRequest signed, IEnumerable<string> headers, string value)
    {
        var request = signed.ToHttpRequest(Url, ContentType);
        foreach (var name in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    /// <summary>The signed request with <paramref name="header"/> replaced by <paramref name="value"/> (for re-encoded signatures).</summary>
    protected static WebhookSignedRequest WithHeader(WebhookSignedRequest signed, string header, string value)
        => new(signed.Method, signed.Url, [.. signed.Headers.Where(h => !string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)), new(header, value)],
            signed.Body);

    /// <summary>The signed request with the hex runs of <paramref name="header"/> upper-cased; null when it holds none.</summary>
    protected static WebhookSignedRequest? UpperCaseHex(WebhookSignedRequest signed, string header)
    {
        if (!signed.Headers.Any(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)))
            return null;
        var value = HeaderOf(signed, header);
        var upper = LowerHex().Replace(value, m => m.Value.ToUpperInvariant());
        return upper == value ? null : WithHeader(signed, header, upper);
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{32,}")]
    private static partial System.Text.RegularExpressions.Regex LowerHex();

    protected static string HeaderOf(WebhookSignedRequest signed, string header)
        => signed.Headers.First(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)).Value;

    protected static async Task<string> SendAsync(WebhookTestHost host, HttpRequestMessage request)
    {
        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static Task Record(List<string?> runs, Webhook<JsonElement> hook)
    {
        lock (runs)
            runs.Add(hook.EventType);
        return Task.CompletedTask;
    }
}
