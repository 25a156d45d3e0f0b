using System.Globalization;
using System.Text;

namespace WebhookReceiver.Benchmarks;

/// <summary>A realistic ~1.2 KB order event, unique per index, and its typed shape.</summary>
public static class BenchmarkPayload
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static byte[] Create(int index)
    {
        var items = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (i > 0)
                items.Append(',');
            items.Append(CultureInfo.InvariantCulture,
                $$"""{"sku":"SKU-{{index:D6}}-{{i}}","name":"Widget model {{i}} in anodised aluminium","quantity":{{i + 1}},"unitPrice":{{12.5m + i}}}""");
        }
        var json = "{\"type\":\"order.created\",\"timestamp\":\"2026-11-27T12:00:00Z\",\"data\":{"
            + string.Create(CultureInfo.InvariantCulture, $"\"orderId\":\"ord_{index:D8}\",\"customer\":{{\"id\":\"cus_{index:D8}\",\"email\":\"buyer{index}@example.com\",\"name\":\"A. Buyer\"}},")
            + string.Create(CultureInfo.InvariantCulture, $"\"currency\":\"EUR\",\"amount\":{1000 + index},\"items\":[{items}],")
            + "\"shipping\":{\"line1\":\"1 Example Street\",\"city\":\"Utrecht\",\"postalCode\":\"3511 AA\",\"country\":\"NL\"}}}";
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>The event of <see cref="Create"/> padded to exactly <paramref name="size"/> bytes by a top-level field the typed shape does not bind.</summary>
    public static byte[] CreateLarge(int index, int size)
    {
        var small = Create(index);
        var head = "{\"padding\":\""u8;
        var tail = "\","u8;
        var padding = size - small.Length - head.Length - tail.Length + 1;   // the event's own '{' is replaced
        var body = new byte[size];
        head.CopyTo(body);
        body.AsSpan(head.Length, padding).Fill((byte)'x');
        tail.CopyTo(body.AsSpan(head.Length + padding));
        small.AsSpan(1).CopyTo(body.AsSpan(head.Length + padding + tail.Length));
        return body;
    }
}

public sealed record OrderCreated(string Type, DateTimeOffset Timestamp, OrderData Data);

public sealed record OrderData(string OrderId, Customer Customer, string Currency, decimal Amount, List<OrderItem> Items, Address Shipping);

public sealed record Customer(string Id, string Email, string Name);

public sealed record OrderItem(string Sku, string Name, int Quantity, decimal UnitPrice);

public sealed record Address(string Line1, string City, string PostalCode, string Country);
