using System.Text.Json.Serialization;

namespace WebhookReceiver;

/// <summary>
/// A Slack slash command as a handler receives it (<c>Webhook&lt;SlackSlashCommand&gt;</c>): the form fields Slack posts,
/// read after verification. Its event type is the command, e.g. <c>/deploy</c>. Any other type with the same
/// snake_case property names (or <c>JsonElement</c>) works as well.
/// </summary>
public sealed record SlackSlashCommand
{
    /// <summary>Gets the command, e.g. <c>/deploy</c>.</summary>
    [JsonPropertyName("command")]
    public string? Command { get; init; }

    /// <summary>Gets the text after the command.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Gets the id that opens a modal in reply, valid for 3 seconds.</summary>
    [JsonPropertyName("trigger_id")]
    public string? TriggerId { get; init; }

    /// <summary>Gets the URL that takes delayed replies (up to 5 within 30 minutes).</summary>
    [JsonPropertyName("response_url")]
    public string? ResponseUrl { get; init; }

    /// <summary>Gets the id of the user who ran the command.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Gets the name of the user who ran the command.</summary>
    [JsonPropertyName("user_name")]
    public string? UserName { get; init; }

    /// <summary>Gets the id of the channel the command ran in.</summary>
    [JsonPropertyName("channel_id")]
    public string? ChannelId { get; init; }

    /// <summary>Gets the name of the channel the command ran in.</summary>
    [JsonPropertyName("channel_name")]
    public string? ChannelName { get; init; }

    /// <summary>Gets the workspace id.</summary>
    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }

    /// <summary>Gets the workspace domain.</summary>
    [JsonPropertyName("team_domain")]
    public string? TeamDomain { get; init; }

    /// <summary>Gets the Enterprise Grid organization id, if any.</summary>
    [JsonPropertyName("enterprise_id")]
    public string? EnterpriseId { get; init; }

    /// <summary>Gets the id of the Slack app the command belongs to.</summary>
    [JsonPropertyName("api_app_id")]
    public string? ApiAppId { get; init; }
}
