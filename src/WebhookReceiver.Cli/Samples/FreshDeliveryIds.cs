using System.Security.Cryptography;
using System.Text;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Cli.Samples;

/// <summary>
/// Gives a sample a fresh delivery id where the provider carries it in the body (Stripe's <c>id</c>, Square's
/// <c>event_id</c>, each event's <c>sg_event_id</c>, ...), so that every <c>send --sample</c> is a new delivery and not a
/// replay. The ids are found with the scheme's own envelope reader, then replaced as JSON strings, keeping their prefix.
/// </summary>
internal static class FreshDeliveryIds
{
    public static byte[] Refresh(WebhookScheme scheme, byte[] body)
    {
        var ids = new List<string>();
        if (OwnDelivery.Read(scheme, "POST", body) is { } delivery)
            ids.AddRange(delivery.Events.Select(e => e.Id.Value).OfType<string>());

        var text = Encoding.UTF8.GetString(body);
        var changed = false;
        foreach (var id in ids.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var quoted = "\"" + id + "\"";
            if (!text.Contains(quoted, StringComparison.Ordinal))
                continue;   // the id comes from a header (signed fresh anyway) or is not a plain string
            text = text.Replace(quoted, "\"" + Like(id) + "\"", StringComparison.Ordinal);
            changed = true;
        }
        return changed ? Encoding.UTF8.GetBytes(text) : body;
    }

    /// <summary>A random id of the same length that keeps the prefix up to the last '_' or '-' (<c>evt_</c>, <c>msg_</c>).</summary>
    private static string Like(string id)
    {
        var keep = Math.Max(id.LastIndexOf('_'), id.LastIndexOf('-')) + 1;
        if (keep >= id.Length - 4)
            keep = 0;
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var fresh = RandomNumberGenerator.GetString(alphabet, Math.Max(id.Length - keep, 12));
        return id[..keep] + fresh;
    }
}
