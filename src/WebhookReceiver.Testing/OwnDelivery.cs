using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Testing;

/// <summary>
/// Reads a body the caller is about to send the way the receiver will read it: signs it with the scheme, then verifies
/// and reads the signed request. The receiver's schemes read nothing that is not verified, so neither does a sender.
/// </summary>
internal static class OwnDelivery
{
    private const string Url = "https://localhost/webhooks/own";

    /// <summary>The delivery <paramref name="body"/> becomes once signed (with <paramref name="labels"/> as extra headers); null when it cannot be signed or read.</summary>
    public static WebhookDelivery? Read(WebhookScheme scheme, string method, ReadOnlyMemory<byte> body, IHeaderDictionary? labels = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var now = TimeProvider.System.GetUtcNow();
        WebhookSignedRequest signed;
        try
        {
            signed = scheme.Sign(new WebhookSigningRequest { Method = method, Body = body, Url = Url, Timestamp = now });
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
        var headers = new HeaderDictionary();
        if (labels is not null)
        {
            foreach (var (name, values) in labels)
                headers[name] = values;
        }
        foreach (var (name, value) in signed.Headers)
            headers[name] = value;
        return scheme.Verify(new WebhookRequest(method, signed.Url ?? Url, headers, signed.Body), now).Delivery;
    }
}
