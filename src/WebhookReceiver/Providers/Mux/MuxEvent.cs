using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookReceiver;

/// <summary>
/// A Mux webhook event as Mux posts it: <c>{"type":"video.asset.ready","id":"…","created_at":"…",
/// "object":{"type":"asset","id":"…"},"environment":{"name":…,"id":…},"data":{…}}</c>. The object the event is about (an
/// asset, a live stream) is <see cref="Data"/>: take <c>Webhook&lt;MuxEvent&lt;Asset&gt;&gt;</c> and read
/// <c>hook.Payload.Data</c>. Plain properties, so a source-generated context can hold it for trimming and Native AOT.
/// </summary>
/// <typeparam name="TData">The type of <c>data</c>.</typeparam>
public sealed class MuxEvent<TData>
{
    /// <summary>Gets or sets the event type (<c>type</c>, e.g. <c>video.asset.ready</c>).</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>Gets or sets the event id (<c>id</c>), also the delivery id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Gets or sets when the event was created (<c>created_at</c>); <see langword="null"/> when absent.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets the kind and id of the object the event is about (<c>object</c>: <c>{"type","id"}</c>).</summary>
    [JsonPropertyName("object")]
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Mux names the member object.")]
    public JsonElement? Object { get; set; }

    /// <summary>Gets or sets the Mux environment the event comes from (<c>environment</c>: <c>{"name","id"}</c>).</summary>
    [JsonPropertyName("environment")]
    public JsonElement? Environment { get; set; }

    /// <summary>Gets or sets the object the event is about (<c>data</c>).</summary>
    [JsonPropertyName("data")]
    public TData Data { get; set; } = default!;
}
