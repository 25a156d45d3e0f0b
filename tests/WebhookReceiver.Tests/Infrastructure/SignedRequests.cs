using System.Net.Http.Headers;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>Turns a scheme's signed request into an <see cref="HttpRequestMessage"/> for the test server.</summary>
public static class SignedRequests
{
    public static HttpRequestMessage ToHttpRequest(this WebhookSignedRequest signed, string url, string contentType = "application/json")
    {
        var message = new HttpRequestMessage(new HttpMethod(signed.Method), signed.Url ?? url)
        {
            Content = new ByteArrayContent(signed.Body.ToArray()),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in signed.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
                message.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }
}
