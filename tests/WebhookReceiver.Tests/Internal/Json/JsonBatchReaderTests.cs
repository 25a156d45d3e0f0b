using System.Text;
using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class JsonBatchReaderTests
{
    [Fact]
    public void TryRead_ArrayOfObjects_SlicesEachWithIdAndType()
    {
        var body = Encoding.UTF8.GetBytes(""" [ {"id":"a","type":"x","n":{"deep":[1,2]}} , {"type":"y","id":7} ] """);

        var items = JsonBatchReader.TryRead(body, "id"u8, "type"u8);

        Assert.NotNull(items);
        Assert.Equal([new WebhookEnvelope("a", "x"), new WebhookEnvelope("7", "y")], items.Select(i => i.Envelope));
        Assert.Equal("""{"id":"a","type":"x","n":{"deep":[1,2]}}""", Encoding.UTF8.GetString(items[0].Json.Span));
        Assert.Equal("""{"type":"y","id":7}""", Encoding.UTF8.GetString(items[1].Json.Span));
    }

    [Fact]
    public void TryRead_ItemWithoutId_IsKeyedByAHashOfItsBytes()
    {
        var items = JsonBatchReader.TryRead(Encoding.UTF8.GetBytes("""[{"type":"x"},{"type":"x"},{"type":"z"}]"""), "id"u8, "type"u8)!;

        Assert.StartsWith("event-", items[0].Envelope.DeliveryId, StringComparison.Ordinal);
        Assert.Equal(items[0].Envelope.DeliveryId, items[1].Envelope.DeliveryId);
        Assert.NotEqual(items[0].Envelope.DeliveryId, items[2].Envelope.DeliveryId);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("[{\"id\":1},")]
    [InlineData("[{\"id\":1}] trailing")]
    [InlineData("not json")]
    public void TryRead_NotAnArrayOfObjects_IsNull(string body)
        => Assert.Null(JsonBatchReader.TryRead(Encoding.UTF8.GetBytes(body), "id"u8, "type"u8));

    [Fact]
    public void ReadBatch_SplitOffOrObjectBody_IsNull()
    {
        Assert.Null(JsonBatchReader.ReadBatch(false, Encoding.UTF8.GetBytes("""[{"id":"a"}]"""), "id"u8, "type"u8));
        Assert.Null(JsonBatchReader.ReadBatch(true, Encoding.UTF8.GetBytes("""{"id":"a"}"""), "id"u8, "type"u8));
    }

    [Fact]
    public void TryReadEnvelope_ArrayAsAWhole_IsKeyedByBodyHashWithoutType()
    {
        Assert.True(JsonBatchReader.TryReadEnvelope(Encoding.UTF8.GetBytes("""[{"id":"a","type":"x"}]"""), "id"u8, "type"u8, out var envelope));
        Assert.StartsWith("batch-", envelope.DeliveryId, StringComparison.Ordinal);
        Assert.Null(envelope.EventType);
    }
}
