using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace WebhookReceiver.Tests.Fuzz;

/// <summary>
/// The handler of every fuzz scheme: records a hash of each body it is given (so the run can check it saw only authentic
/// ones), marks its answer with <c>X-Fuzz-Handled: 1</c>, and throws on purpose when the body holds the boom marker.
/// </summary>
internal sealed class FuzzHandler
{
    public const string HandledHeader = "X-Fuzz-Handled";

    /// <summary>(scheme, SHA-256 of the raw body) of every delivery the handler ran for.</summary>
    public ConcurrentBag<(string Scheme, string BodyHash)> Seen { get; } = [];

    public Task HandleAsync(Webhook<JsonElement> hook, CancellationToken cancellationToken)
    {
        var body = hook.Body.Span;
        // A batch runs the handler once per item over the same body: hash it once per request.
        if (hook.HttpContext.Items["fuzz-body-hash"] is not string hash)
            hook.HttpContext.Items["fuzz-body-hash"] = hash = Hash(body);
        Seen.Add((hook.Scheme, hash));
        hook.HttpContext.Response.Headers[HandledHeader] = "1";
        if (body.IndexOf("FUZZ-BOOM"u8) >= 0)
            throw new InvalidOperationException("provoked handler failure");
        return Task.CompletedTask;
    }

    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
