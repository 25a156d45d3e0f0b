using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace WebhookReceiver;

/// <summary>
/// Reads Slack's form-encoded bodies (slash commands; interactivity as a <c>payload=</c> JSON field) after verification,
/// with ASP.NET Core's form reader. Events API bodies are JSON and are told apart by their first byte.
/// </summary>
internal static class SlackForm
{
    public const string PayloadField = "payload";

    public static bool IsJson(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && body[start] == (byte)'{';
    }

    /// <summary>The fields of a form body, or <see langword="null"/> when it exceeds the form reader's limits.</summary>
    public static Dictionary<string, StringValues>? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            using var reader = new FormReader(Encoding.UTF8.GetString(body));
            return reader.ReadForm();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string? Field(Dictionary<string, StringValues> form, string name)
        => form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The JSON a handler's payload is read from: the <c>payload</c> field, else every field as a JSON string property.</summary>
    public static byte[] ToPayloadJson(Dictionary<string, StringValues> form)
    {
        if (Field(form, PayloadField) is { } payload)
            return Encoding.UTF8.GetBytes(payload);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, values) in form)
                writer.WriteString(name, values.ToString());
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
