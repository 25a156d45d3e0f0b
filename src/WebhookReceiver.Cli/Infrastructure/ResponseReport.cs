using System.Globalization;
using System.Net;
using System.Text.Json;

namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>What a receiver answered, read for one line of output: status, the <c>status</c> field of a JSON body, the body.</summary>
internal sealed record ResponseReport(int StatusCode, string ReasonPhrase, string? Outcome, string Body)
{
    private const int MaxBodyChars = 2000;

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>The outcome word: the body's <c>status</c> (processed, duplicate, ignored) or its problem title, else the reason phrase.</summary>
    public string Summary => Outcome ?? ReasonPhrase;

    public static async Task<ResponseReport> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Length > MaxBodyChars)
            body = string.Concat(body.AsSpan(0, MaxBodyChars), "…");
        var reason = response.ReasonPhrase ?? ((HttpStatusCode)response.StatusCode).ToString();
        return new ResponseReport((int)response.StatusCode, reason, ReadOutcome(body), body);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StatusCode} {Summary}");

    public static string? ReadOutcome(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            foreach (var name in (ReadOnlySpan<string>)["status", "title"])
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    return value.GetString();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
