using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace WebhookReceiver.Internal;

/// <summary>
/// An inbox entry as the fields of its Redis hash: the data that never changes as one binary field <c>d</c> (written
/// once, read whole; one field instead of fifteen keeps the accepting script and the hash small), and the settlement
/// state as fields of their own, which the scripts read and write: <c>st</c>, <c>att</c>, <c>due</c> (UTC ticks),
/// <c>lease</c>, <c>rs</c> (the received time as an index score, Unix milliseconds), <c>err</c>, <c>done</c>; and
/// <c>rt</c>, the exact received ticks the count script answers for the oldest pending entry.
/// </summary>
internal static class RedisInboxEntryCodec
{
    private const byte Version = 1;
    private const byte HasDeliveryId = 1, DeliveryIdSigned = 2, HasEventType = 4, EventTypeSigned = 8, HasTimestamp = 16, JsonIsBody = 32;
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>A time as a sorted-set score: Unix milliseconds with the sub-millisecond fraction.</summary>
    public static double Score(DateTimeOffset time) => (time.UtcTicks - UnixEpochTicks) / (double)TimeSpan.TicksPerMillisecond;

    public static string ScoreText(DateTimeOffset time) => Score(time).ToString("R", CultureInfo.InvariantCulture);

    public static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The hash fields and values of a new entry, alternating.</summary>
    public static List<RedisValue> Encode(WebhookInboxEntry entry)
    {
        var fields = new List<RedisValue>(18)
        {
            "d", EncodeData(entry),
            "rs", ScoreText(entry.ReceivedAt),
            "rt", Ticks(entry.ReceivedAt),
            "st", Number((int)entry.Status),
            "att", Number(entry.Attempts),
            "due", Ticks(entry.DueAt),
            "lease", Number(entry.Lease),
        };
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
        var state = new State();
        for (var i = 0; i + 1 < items.Length; i += 2)
            state.Read((string)items[i]!, (RedisValue)items[i + 1]);
        return state.ToEntry();
    }

    /// <summary>Whether a take answered an entry taken over from a lease that ran out (it ends with the pair <c>tk</c> 1).</summary>
    public static bool IsTakeOver(RedisResult result)
        => result.Resp2Type == ResultType.Array && (RedisResult[])result! is { Length: >= 2 } items && (string?)items[^2] == "tk";

    /// <summary>Reads an entry from its hash, or <see langword="null"/> when the hash is gone.</summary>
    public static WebhookInboxEntry? Decode(HashEntry[] hash)
    {
        if (hash.Length == 0)
            return null;
        var state = new State();
        foreach (var entry in hash)
            state.Read((string)entry.Name!, entry.Value);
        return state.ToEntry();
    }

    /// <summary>
    /// The unchanging data: a version byte, flags, then length-prefixed UTF-8 strings and byte runs (7-bit encoded
    /// lengths) and little-endian ticks.
    /// </summary>
    internal static byte[] EncodeData(WebhookInboxEntry entry)
    {
        var jsonIsBody = entry.Json.Span.SequenceEqual(entry.Body.Span);
        var flags = (byte)((entry.DeliveryId.Value is null ? 0 : HasDeliveryId) | (entry.DeliveryId.IsSigned ? DeliveryIdSigned : 0)
            | (entry.EventType.Value is null ? 0 : HasEventType) | (entry.EventType.IsSigned ? EventTypeSigned : 0)
            | (entry.Timestamp is null ? 0 : HasTimestamp) | (jsonIsBody ? JsonIsBody : 0));
        var writer = new ArrayBufferWriter<byte>(256 + entry.Body.Length + (jsonIsBody ? 0 : entry.Json.Length));
        writer.Write([Version, flags]);
        WriteString(writer, entry.Id);
        WriteString(writer, entry.Endpoint);
        WriteString(writer, entry.Scheme);
        WriteString(writer, entry.ReplayKey);
        if (entry.DeliveryId.Value is { } deliveryId)
            WriteString(writer, deliveryId);
        if (entry.EventType.Value is { } eventType)
            WriteString(writer, eventType);
        WriteTicks(writer, entry.ReceivedAt);
        if (entry.Timestamp is { } timestamp)
            WriteTicks(writer, timestamp);
        WriteLength(writer, entry.Headers.Count);
        foreach (var (name, values) in entry.Headers)
        {
            WriteString(writer, name);
            WriteLength(writer, values.Length);
            foreach (var value in values)
                WriteString(writer, value ?? "");
        }
        WriteBytes(writer, entry.Body.Span);
        if (!jsonIsBody)
            WriteBytes(writer, entry.Json.Span);
        return writer.WrittenSpan.ToArray();
    }

    private static void WriteLength(ArrayBufferWriter<byte> writer, int length)
    {
        var span = writer.GetSpan(5);
        var n = 0;
        var value = (uint)length;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        writer.Advance(n);
    }

    private static void WriteBytes(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        WriteLength(writer, bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteString(ArrayBufferWriter<byte> writer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteLength(writer, length);
        Encoding.UTF8.GetBytes(value, writer.GetSpan(length));
        writer.Advance(length);
    }

    private static void WriteTicks(ArrayBufferWriter<byte> writer, DateTimeOffset time)
    {
        BinaryPrimitives.WriteInt64LittleEndian(writer.GetSpan(8), time.UtcTicks);
        writer.Advance(8);
    }

    /// <summary>The fields of one hash as they are read.</summary>
    private sealed class State
    {
        private byte[]? _data;
        private RedisValue _status, _attempts, _due, _lease, _error, _done;

        public void Read(string name, RedisValue value)
        {
            switch (name)
            {
                case "d": _data = (byte[]?)value; break;
                case "st": _status = value; break;
                case "att": _attempts = value; break;
                case "due": _due = value; break;
                case "lease": _lease = value; break;
                case "err": _error = value; break;
                case "done": _done = value; break;
            }
        }

        public WebhookInboxEntry? ToEntry()
        {
            if (_data is not { Length: > 2 } data || data[0] != Version || _status.IsNullOrEmpty)
                return null; // a hash without its data (never written by the store), or of another format
            var flags = data[1];
            var offset = 2;
            var id = ReadString(data, ref offset);
            var endpoint = ReadString(data, ref offset);
            var scheme = ReadString(data, ref offset);
            var replayKey = ReadString(data, ref offset);
            var deliveryId = (flags & HasDeliveryId) != 0 ? ReadString(data, ref offset) : null;
            var eventType = (flags & HasEventType) != 0 ? ReadString(data, ref offset) : null;
            var receivedAt = ReadTicks(data, ref offset);
            DateTimeOffset? timestamp = (flags & HasTimestamp) != 0 ? ReadTicks(data, ref offset) : null;
            var headers = new KeyValuePair<string, string[]>[ReadLength(data, ref offset)];
            for (var i = 0; i < headers.Length; i++)
            {
                var name = ReadString(data, ref offset);
                var values = new string[ReadLength(data, ref offset)];
                for (var j = 0; j < values.Length; j++)
                    values[j] = ReadString(data, ref offset);
                headers[i] = new(name, values);
            }
            var body = ReadBytes(data, ref offset);
            var json = (flags & JsonIsBody) != 0 ? body : ReadBytes(data, ref offset);
            return new WebhookInboxEntry
            {
                Id = id,
                Endpoint = endpoint,
                Scheme = scheme,
                DeliveryId = new WebhookValue(deliveryId, (flags & DeliveryIdSigned) != 0),
                EventType = new WebhookValue(eventType, (flags & EventTypeSigned) != 0),
                ReplayKey = replayKey,
                Body = body,
                Json = json,
                Headers = headers,
                Timestamp = timestamp,
                ReceivedAt = receivedAt,
                Status = (WebhookInboxStatus)(int)_status,
                Attempts = (int)_attempts,
                DueAt = new DateTimeOffset((long)_due, TimeSpan.Zero),
                LastError = _error.IsNull ? null : (string?)_error,
                CompletedAt = _done.IsNullOrEmpty ? null : new DateTimeOffset((long)_done, TimeSpan.Zero),
                Lease = (int)_lease,
            };
        }

        private static int ReadLength(byte[] data, ref int offset)
        {
            var value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[offset++];
                value |= (b & 0x7F) << shift;
                if (b < 0x80)
                    return value;
            }
        }

        private static ReadOnlyMemory<byte> ReadBytes(byte[] data, ref int offset)
        {
            var length = ReadLength(data, ref offset);
            var bytes = data.AsMemory(offset, length);
            offset += length;
            return bytes;
        }

        private static string ReadString(byte[] data, ref int offset) => Encoding.UTF8.GetString(ReadBytes(data, ref offset).Span);

        private static DateTimeOffset ReadTicks(byte[] data, ref int offset)
        {
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(offset, 8));
            offset += 8;
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }
}
