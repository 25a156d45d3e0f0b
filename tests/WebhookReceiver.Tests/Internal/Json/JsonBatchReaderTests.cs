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
        Assert.Equal([("a", "x"), ("7", "y")], items.Select(i => (i.Id.Value, i.EventType.Value)));
        Assert.All(items, i => Assert.True(i.Id.IsSigned && i.EventType.IsSigned));
        Assert.Equal("""{"id":"a","type":"x","n":{"deep":[1,2]}}""", Encoding.UTF8.GetString(items[0].Json.Span));
        Assert.Equal("""{"type":"y","id":7}""", Encoding.UTF8.GetString(items[1].Json.Span));
    }

    [Fact]
    public void TryRead_ItemWithoutId_IsKeyedByAHashOfItsBytes()
    {
        var items = JsonBatchReader.TryRead(Encoding.UTF8.GetBytes("""[{"type":"x"},{"type":"x"},{"type":"z"}]"""), "id"u8, "type"u8)!;

        Assert.StartsWith("c:", items[0].ReplayKey, StringComparison.Ordinal);
        Assert.Equal(items[0].ReplayKey, items[1].ReplayKey);
        Assert.NotEqual(items[0].ReplayKey, items[2].ReplayKey);
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
    public void ReadDelivery_SplitOffOrObjectBody_HasNoItems()
    {
        Assert.Null(JsonBatchReader.ReadDelivery(false, Encoding.UTF8.GetBytes("""[{"id":"a"}]"""), "id"u8, "type"u8)!.Items);
        Assert.Null(JsonBatchReader.ReadDelivery(true, Encoding.UTF8.GetBytes("""{"id":"a"}"""), "id"u8, "type"u8)!.Items);
    }

    [Fact]
    public void ReadDelivery_ArrayAsAWhole_IsKeyedByBodyHashWithoutType()
    {
        var body = Encoding.UTF8.GetBytes("""[{"id":"a","type":"x"}]""");
        var whole = JsonBatchReader.ReadDelivery(false, body, "id"u8, "type"u8)!.Whole;
        Assert.Equal(WebhookReplayKeys.ForSignedContent(body), whole.ReplayKey);
        Assert.Null(whole.EventType.Value);
    }

    [Fact]
    public void TryRead_MoreItemsThanTheCap_IsUnreadable()
    {
        var atCap = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{}", JsonBatchReader.MaxItems)) + "]");
        var overCap = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{}", JsonBatchReader.MaxItems + 1)) + "]");

        Assert.Equal(JsonBatchReader.MaxItems, JsonBatchReader.TryRead(atCap, "id"u8, "type"u8)!.Count);
        Assert.Null(JsonBatchReader.TryRead(overCap, "id"u8, "type"u8));
    }
}
