using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WebhookReceiver.Internal;

/// <summary>
/// The response contract of DESIGN.md, pre-encoded once: the plain acknowledgments and RFC 9457 problem details
/// with generic titles (a 401 never says which part failed).
/// </summary>
internal static class WebhookResponses
{
    private const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";

    public static readonly byte[] Processed = """{"status":"processed"}"""u8.ToArray();
    public static readonly byte[] Duplicate = """{"status":"duplicate"}"""u8.ToArray();
    public static readonly byte[] Ignored = """{"status":"ignored"}"""u8.ToArray();
    public static readonly byte[] Accepted = """{"status":"accepted"}"""u8.ToArray();

    public static readonly byte[] BadRequest = Problem(400, "15.5.1", "Bad Request", "The webhook was verified but its payload could not be read.");
    public static readonly byte[] Unauthorized = Problem(401, "15.5.2", "Unauthorized", "The webhook signature could not be verified.");
    public static readonly byte[] Forbidden = Problem(403, "15.5.4", "Forbidden", "The webhook handshake could not be verified.");
    public static readonly byte[] BadHandshake = Problem(400, "15.5.1", "Bad Request", "The request is not a handshake this webhook endpoint answers.");
    public static readonly byte[] Conflict = Problem(409, "15.5.10", "Conflict", "This delivery is being processed by another request. Retry later.");
    public static readonly byte[] ContentTooLarge = Problem(413, "15.5.14", "Content Too Large", "The webhook body is larger than this endpoint accepts.");
    public static readonly byte[] InternalServerError = Problem(500, "15.6.1", "Internal Server Error", "The webhook handler failed. The delivery can be retried.");
    public static readonly byte[] ServiceUnavailable = Problem(503, "15.6.4", "Service Unavailable", "The webhook cannot be processed right now. Retry later.");

    /// <summary>
    /// Makes the acknowledgments and problem details of this request bodiless (<see cref="WebhookScheme.AnswersWithoutBody"/>):
    /// called once the scheme is known, before anything is answered.
    /// </summary>
    public static void OmitBodies(HttpContext context) => context.Features.Set(BodilessAnswers.Instance);

    public static ValueTask WriteStatusAsync(HttpContext context, int statusCode, byte[] body)
        => IsBodiless(context) ? WriteAsync(context, statusCode, "", default) : WriteAsync(context, statusCode, Json, body);

    public static ValueTask WriteProblemAsync(HttpContext context, int statusCode, byte[] body, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } delay)
            context.Response.Headers[HeaderNames.RetryAfter] = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return IsBodiless(context) ? WriteAsync(context, statusCode, "", default) : WriteAsync(context, statusCode, ProblemJson, body);
    }

    /// <summary>Writes a handshake's answer, its headers included.</summary>
    public static ValueTask WriteHandshakeAsync(HttpContext context, WebhookHandshakeResponse answer)
    {
        foreach (var (name, value) in answer.Headers)
            context.Response.Headers[name] = value;
        return WriteAsync(context, answer.StatusCode, answer.ContentType, answer.Body);
    }

    /// <summary>Writes an answer; an empty <paramref name="contentType"/> sends none (bodiless answers).</summary>
    public static ValueTask WriteAsync(HttpContext context, int statusCode, string contentType, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        if (contentType.Length > 0)
            response.ContentType = contentType;
        response.ContentLength = body.Length;
        return body.IsEmpty ? ValueTask.CompletedTask : response.Body.WriteAsync(body);
    }

    /// <summary>
    /// Writes the answer to an outcome the library answers itself: processed, ignored, duplicate, in flight, malformed,
    /// failed, store down. Aborted requests get nothing; a 500 replaces whatever a failed handler began to write.
    /// </summary>
    public static ValueTask WriteOutcomeAsync(HttpContext context, WebhookOutcome outcome, WebhookOptions options)
    {
        switch (outcome)
        {
            case WebhookOutcome.Processed:
                return WriteStatusAsync(context, StatusCodes.Status200OK, Processed);
            case WebhookOutcome.Accepted:
                return WriteStatusAsync(context, StatusCodes.Status200OK, Accepted);
            case WebhookOutcome.Ignored:
                return WriteStatusAsync(context, options.IgnoredStatusCode, Ignored);
            case WebhookOutcome.Duplicate:
                return WriteStatusAsync(context, StatusCodes.Status200OK, Duplicate);
            case WebhookOutcome.InFlight:
                return WriteProblemAsync(context, StatusCodes.Status409Conflict, Conflict, options.InFlightRetryAfter);
            case WebhookOutcome.Unavailable:
                return WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, ServiceUnavailable, options.UnavailableRetryAfter);
            case WebhookOutcome.Malformed:
                return WriteProblemAsync(context, StatusCodes.Status400BadRequest, BadRequest);
            case WebhookOutcome.Failed when !context.Response.HasStarted:
                context.Response.Clear();
                return WriteProblemAsync(context, StatusCodes.Status500InternalServerError, InternalServerError);
            default:
                return ValueTask.CompletedTask;
        }
    }

    private static bool IsBodiless(HttpContext context) => context.Features.Get<BodilessAnswers>() is not null;

    private static byte[] Problem(int status, string section, string title, string detail)
        => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"https://tools.ietf.org/html/rfc9110#section-{{section}}","title":"{{title}}","status":{{status}},"detail":"{{detail}}"}"""));

    /// <summary>The marker of <see cref="OmitBodies"/>: one shared instance, set only for the schemes that ask for it.</summary>
    private sealed class BodilessAnswers
    {
        public static readonly BodilessAnswers Instance = new();
    }
}
