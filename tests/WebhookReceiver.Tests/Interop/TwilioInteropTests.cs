using Microsoft.AspNetCore.WebUtilities;

namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// twilio (npm): <c>getExpectedTwilioSignature</c> signs, <c>validateRequest</c> (form posts) and
/// <c>validateRequestWithBody</c> (JSON bodies, <c>bodySHA256</c> in the URL) verify; with an algorithm it is the SharedKey
/// signature (<c>X-Twilio-Webhooks-Signature-Settings</c>).
/// </summary>
public static class TwilioInterop
{
    public const string AuthToken = "interop-auth-token-0123456789abcdef";
    public const string SharedKey = "interop-shared-key-secret-fedcba9876543210";
    public const string Form = "application/x-www-form-urlencoded";

    /// <summary>A voice call's form post, with characters form encoding must escape (+, space, é, ✓).</summary>
    public const string FormBody = "AccountSid=AC0123456789abcdef&CallSid=CA1234567890ABCDE&Digits=1250&From=%2B14158675309&To=%2B18005551212&SpeechResult=caf%C3%A9+%E2%9C%93+ok%21";

    public static Dictionary<string, string> Fields(string body)
        => QueryHelpers.ParseQuery("?" + body).ToDictionary(p => p.Key, p => p.Value.ToString());

    public static IEnumerable<KeyValuePair<string, string>> Token(string id) => [new(TwilioDefaults.IdempotencyTokenHeader, id)];
}

/// <summary>Twilio form post signed with the Auth Token (HMAC-SHA1 over the URL and the sorted fields).</summary>
public sealed class TwilioFormInteropTests : NpmInteropTests
{
    protected override string Package => "twilio";

    protected override string NpmPackage => "twilio";

    public override WebhookProvider Provider => TwilioScheme.Provider;

    protected override string SigningSecret => TwilioInterop.AuthToken;

    protected override string SignatureHeader => TwilioDefaults.SignatureHeader;

    protected override string Body => TwilioInterop.FormBody;

    protected override string? EventType => null;

    protected override string ContentType => TwilioInterop.Form;

    protected override NodeRequest Decorate(NodeRequest request, string body) => request with { Params = TwilioInterop.Fields(body) };

    protected override string? ExpectedDeliveryId(string id) => id;

    protected override IEnumerable<KeyValuePair<string, string>> UnsignedHeaders(string id) => TwilioInterop.Token(id);
}

/// <summary>Twilio JSON body: the URL carries <c>bodySHA256</c> (hex SHA-256 of the body) and is what is signed.</summary>
public sealed class TwilioJsonInteropTests : NpmInteropTests
{
    protected override string Package => "twilio";

    protected override string NpmPackage => "twilio";

    public override WebhookProvider Provider => TwilioScheme.Provider;

    protected override string SigningSecret => TwilioInterop.AuthToken;

    protected override string SignatureHeader => TwilioDefaults.SignatureHeader;

    protected override string? EventType => null;

    protected override string? ExpectedDeliveryId(string id) => id;

    protected override IEnumerable<KeyValuePair<string, string>> UnsignedHeaders(string id) => TwilioInterop.Token(id);
}

/// <summary>Twilio SharedKey signatures, which only the SDK makes: the same signed string, the SharedKey secret, the named hash.</summary>
public abstract class TwilioSharedKeyInteropTests : NpmSignInteropTests
{
    protected abstract string Algorithm { get; }

    protected override string Package => "twilio";

    protected override string NpmPackage => "twilio";

    public override WebhookProvider Provider => TwilioScheme.Provider;

    protected override string SigningSecret => TwilioInterop.AuthToken;

    protected override string SdkSecret => TwilioInterop.SharedKey;

    protected override string SignatureHeader => TwilioDefaults.SignatureHeader;

    protected override string Body => TwilioInterop.FormBody;

    protected override string? EventType => null;

    protected override string ContentType => TwilioInterop.Form;

    protected override void Configure(WebhookSchemeOptions options) => ((TwilioOptions)options).SharedKeySecrets = [TwilioInterop.SharedKey];

    protected override NodeRequest Decorate(NodeRequest request, string body) => request with { Params = TwilioInterop.Fields(body), Algorithm = Algorithm };

    protected override string? ExpectedDeliveryId(string id) => id;

    protected override IEnumerable<KeyValuePair<string, string>> UnsignedHeaders(string id) => TwilioInterop.Token(id);
}

public sealed class TwilioSharedKeySha256InteropTests : TwilioSharedKeyInteropTests
{
    protected override string Algorithm => "HMAC_SHA256";
}

public sealed class TwilioSharedKeySha1InteropTests : TwilioSharedKeyInteropTests
{
    protected override string Algorithm => "HMAC_SHA1";
}
