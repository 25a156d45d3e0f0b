using System.Buffers;
using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace WebhookReceiver.Internal;

/// <summary>
/// An inbox entry as the fields of its Redis hash: the data (exact bytes; the JSON only when it differs from the body,
/// a batch item), times as UTC ticks (exact), a score in Unix milliseconds for the indices, and the settlement state.
/// </summary>
internal static class RedisInboxEntryCodec
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>A time as a sorted-set score: Unix milliseconds with the sub-millisecond fraction.</summary>
    public static double Score(DateTimeOffset time) => (time.UtcTicks - UnixEpochTicks) / (double)TimeSpan.TicksPerMillisecond;

    public static string ScoreText(DateTimeOffset time) => Score(time).ToString("R", CultureInfo.InvariantCulture);

    public static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The hash fields and values of a new entry, alternating.</summary>
    public static List<RedisValue> Encode(WebhookInboxEntry entry)
    {
        var fields = new List<RedisValue>(40)
        {
            "id", entry.Id,
            "ep", entry.Endpoint,
            "sc", entry.Scheme,
            "dids", entry.DeliveryId.IsSigned ? "1" : "0",
            "ets", entry.EventType.IsSigned ? "1" : "0",
            "rk", entry.ReplayKey,
            "body", entry.Body,
            "hd", EncodeHeaders(entry.Headers),
            "rt", Ticks(entry.ReceivedAt),
            "rs", ScoreText(entry.ReceivedAt),
            "st", Number((int)entry.Status),
            "att", Number(entry.Attempts),
            "due", Ticks(entry.DueAt),
            "lease", Number(entry.Lease),
        };
        if (entry.DeliveryId.Value is { } deliveryId)
            fields.AddRange(["did", deliveryId]);
        if (entry.EventType.Value is { } eventType)
            fields.AddRange(["et", eventType]);
        if (entry.Json.Span.SequenceEqual(entry.Body.Span))
            fields.AddRange(["jb", "1"]);
        else
            fields.AddRange(["json", entry.Json]);
        if (entry.Timestamp is { } timestamp)
            fields.AddRange(["ts", Ticks(timestamp)]);
        if (entry.LastError is { } error)
            fields.AddRange(["err", error]);
        if (entry.CompletedAt is { } completedAt)
            fields.AddRange(["done", Ticks(completedAt)]);
        return fields;
    }

    /// <summary>Reads an entry from a script's flat field/value answer (HGETALL), or <see langword="null"/> for an empty one.</summary>
    public static WebhookInboxEntry? Decode(RedisResult result)
    {
        if (result.IsNull || result.Resp2Type != ResultType.Array)
            return null;
        var items = (RedisResult[])result!;
        var fields = new Dictionary<string, RedisValue>(items.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < items.Length; i += 2)
            fields[(string)items[i]!] = (RedisValue)items[i + 1];
        return Decode(fields);
    }

    /// <summary>Reads an entry from its hash, or <see langword="null"/> when the hash is gone.</summary>
    public static WebhookInboxEntry? Decode(HashEntry[] hash)
    {
        if (hash.Length == 0)
            return null;
        var fields = new Dictionary<string, RedisValue>(hash.Length, StringComparer.Ordinal);
        foreach (var entry in hash)
            fields[(string)entry.Name!] = entry.Value;
        return Decode(fields);
    }

    private static WebhookInboxEntry? Decode(Dictionary<string, RedisValue> fields)
    {
        if (!fields.TryGetValue("id", out var id) || !fields.TryGetValue("st", out var status))
            return null; // a hash without its data: never written by the store
        ReadOnlyMemory<byte> body = Bytes(fields, "body");
        return new WebhookInboxEntry
        {
            Id = id!,
            Endpoint = (string)fields["ep"]!,
            Scheme = (string)fields["sc"]!,
            DeliveryId = new WebhookValue(Text(fields, "did"), fields["dids"] == "1"),
            EventType = new WebhookValue(Text(fields, "et"), fields["ets"] == "1"),
            ReplayKey = (string)fields["rk"]!,
            Body = body,
            Json = fields.ContainsKey("jb") ? body : Bytes(fields, "json"),
            Headers = DecodeHeaders((byte[])fields["hd"]!),
            Timestamp = Time(fields, "ts"),
            ReceivedAt = Time(fields, "rt")!.Value,
            Status = (WebhookInboxStatus)(int)status,
            Attempts = (int)fields["att"],
            DueAt = Time(fields, "due")!.Value,
            LastError = Text(fields, "err"),
            CompletedAt = Time(fields, "done"),
            Lease = (int)fields["lease"],
        };
    }

    private static byte[] Bytes(Dictionary<string, RedisValue> fields, string name)
        => fields.TryGetValue(name, out var value) ? (byte[]?)value ?? [] : [];

    private static string? Text(Dictionary<string, RedisValue> fields, string name)
        => fields.TryGetValue(name, out var value) ? (string?)value : null;

    private static DateTimeOffset? Time(Dictionary<string, RedisValue> fields, string name)
        => fields.TryGetValue(name, out var value) && !value.IsNullOrEmpty ? new DateTimeOffset((long)value, TimeSpan.Zero) : null;

    /// <summary>The headers as JSON: <c>[["name",["value",…]],…]</c>.</summary>
    private static byte[] EncodeHeaders(IReadOnlyList<KeyValuePair<string, string[]>> headers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (name, values) in headers)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(name);
                writer.WriteStartArray();
                foreach (var value in values)
                    writer.WriteStringValue(value);
                writer.WriteEndArray();
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static KeyValuePair<string, string[]>[] DecodeHeaders(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var headers = new KeyValuePair<string, string[]>[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var header in document.RootElement.EnumerateArray())
        {
            var values = header[1];
            var strings = new string[values.GetArrayLength()];
            var j = 0;
            foreach (var value in values.EnumerateArray())
                strings[j++] = value.GetString()!;
            headers[i++] = new(header[0].GetString()!, strings);
        }
        return headers;
    }
}
