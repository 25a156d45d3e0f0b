using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookReceiver.Internal;

/// <summary>The JSON of the inbox HTTP API (source-generated: trim and AOT safe), and the status names it uses.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InboxApiEntry[]))]
[JsonSerializable(typeof(InboxApiEntryDetail))]
[JsonSerializable(typeof(InboxApiCounts))]
[JsonSerializable(typeof(InboxApiChanged))]
[JsonSerializable(typeof(InboxApiPurged))]
internal sealed partial class InboxApiJson : JsonSerializerContext
{
    private static readonly string[] Names = ["queued", "processing", "retrying", "completed", "dead"];

    public static string StatusName(WebhookInboxStatus status) => Names[(int)status];

    public static bool TryParseStatus(string? value, out WebhookInboxStatus status)
    {
        var index = Array.FindIndex(Names, n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        status = (WebhookInboxStatus)Math.Max(index, 0);
        return index >= 0;
    }

    public static InboxApiEntry Summary(WebhookInboxEntry e) => new(e.Id, e.DeliveryId.Value, e.DeliveryId.IsSigned, e.Scheme, e.EventType.Value,
        e.EventType.IsSigned, StatusName(e.Status), e.Attempts, e.LastError, e.Endpoint, e.ReceivedAt,
        e.Status is WebhookInboxStatus.Queued or WebhookInboxStatus.Retrying ? e.DueAt : null, e.CompletedAt);

    public static InboxApiEntryDetail Detail(WebhookInboxEntry e)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in e.Headers)
            headers[name] = values;
        string? text = null, base64 = null;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(e.Body.Span);
        }
        catch (DecoderFallbackException)
        {
            base64 = Convert.ToBase64String(e.Body.Span);
        }
        return new(e.Id, e.DeliveryId.Value, e.DeliveryId.IsSigned, e.Scheme, e.EventType.Value, e.EventType.IsSigned, StatusName(e.Status), e.Attempts,
            e.LastError, e.Endpoint, e.ReceivedAt, e.Status is WebhookInboxStatus.Queued or WebhookInboxStatus.Retrying ? e.DueAt : null, e.CompletedAt,
            e.Timestamp, headers, text, base64);
    }
}

/// <summary>An entry in a list: its metadata and settlement state, no body.</summary>
internal sealed record InboxApiEntry(string Id, string? DeliveryId, bool DeliveryIdSigned, string Scheme, string? EventType, bool EventTypeSigned,
    string Status, int Attempts, string? LastError, string Endpoint, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt);

/// <summary>One entry in full: the fields of <see cref="InboxApiEntry"/>, the signed timestamp, the stored (redacted) headers and the body (UTF-8 text, or base64 when not).</summary>
internal sealed record InboxApiEntryDetail(string Id, string? DeliveryId, bool DeliveryIdSigned, string Scheme, string? EventType, bool EventTypeSigned,
    string Status, int Attempts, string? LastError, string Endpoint, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? Timestamp, Dictionary<string, string[]> Headers, string? Body, string? BodyBase64);

internal sealed record InboxApiCounts(long Queued, long Processing, long Retrying, long Completed, long Dead, long Pending, DateTimeOffset? OldestPendingReceivedAt);

internal sealed record InboxApiChanged(string Id, string Status);

internal sealed record InboxApiPurged(string Status, long Purged);
