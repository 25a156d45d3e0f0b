using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Tests.Providers.Twilio;

/// <summary>
/// Twilio SharedKey signatures (Webhooks configuration API): with <c>X-Twilio-Webhooks-Signature-Settings</c> the same
/// signed string (URL, then the sorted parameters' names and values) is signed with the SharedKey secret and the named
/// hash. The expected signatures here are computed independently of the scheme.
/// </summary>
public sealed class TwilioSharedKeyTests
{
    private const string Url = "https://hooks.example.com/webhooks/twilio";
    private const string AuthToken = "auth-token-12345";
    private const string SharedKey = "shared-key-secret-67890";
    private const string Body = "CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309";
    private const string SignedString = Url + "CallSidCA1234567890ABCDE" + "Digits1234" + "From+14158675309";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000);

    [Fact]
    public void Verify_SharedKeyHmacSha256_Succeeds()
    {
        var result = Verify(Scheme(), Sha256(SharedKey), "key=KS0123456789abcdef,algorithm=HMAC_SHA256");

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_SharedKeyHmacSha1_Succeeds()
        => Assert.True(Verify(Scheme(), Sha1(SharedKey), "key=KS1,algorithm=HMAC_SHA1").Succeeded);

    [Fact]
    public void Verify_SharedKeySignatureWithoutTheSettingsHeader_Fails()
        => Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Verify(Scheme(), Sha256(SharedKey), settings: null).Failure);

    [Fact]
    public void Verify_AuthTokenSignatureWithTheSettingsHeader_FailsNamingTheSharedKey()
    {
        var result = Verify(Scheme(), Sha1(AuthToken), "key=KS1,algorithm=HMAC_SHA256");

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("SharedKey", result.Reason, StringComparison.Ordinal);
        Assert.Contains("HMAC-SHA256", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AuthTokenSignatureWithoutTheHeader_StillSucceeds()
        => Assert.True(Verify(Scheme(), Sha1(AuthToken), settings: null).Succeeded);

    [Fact]
    public void Verify_UnsupportedAlgorithm_FailsNamingTheAlgorithmNotTheUrl()
    {
        var result = Verify(Scheme(), Sha256(SharedKey), "key=KS1,algorithm=HMAC_SHA512");

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
        Assert.Contains("algorithm", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("URL", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("HMAC_SHA512", result.Reason, StringComparison.Ordinal); // an unverified value is never echoed
    }

    [Fact]
    public void Verify_SettingsWithoutAlgorithm_IsMalformed()
        => Assert.Equal(WebhookVerificationFailure.MalformedHeader, Verify(Scheme(), Sha256(SharedKey), "key=KS1").Failure);

    [Fact]
    public void Verify_SharedKeyRequestButNoSharedKeyConfigured_FailsSayingSo()
    {
        var result = Verify(new TwilioScheme("twilio", new TwilioOptions { Secret = AuthToken }), Sha256(SharedKey), "key=KS1,algorithm=HMAC_SHA256");

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("SharedKeySecrets", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RotatedSharedKeys_EitherOneSucceeds()
    {
        var scheme = new TwilioScheme("twilio", new TwilioOptions { Secret = AuthToken, SharedKeySecrets = ["old-shared-key", SharedKey] });

        Assert.True(Verify(scheme, Sha256(SharedKey), "algorithm=HMAC_SHA256").Succeeded);
        Assert.True(Verify(scheme, Sha256("old-shared-key"), "algorithm=HMAC_SHA256").Succeeded);
    }

    private static TwilioScheme Scheme() => new("twilio", new TwilioOptions { Secret = AuthToken, SharedKeySecrets = [SharedKey] });

    private static WebhookVerificationResult Verify(TwilioScheme scheme, string signature, string? settings)
    {
        var headers = new HeaderDictionary
        {
            [TwilioDefaults.SignatureHeader] = signature,
            ["Content-Type"] = "application/x-www-form-urlencoded",
        };
        if (settings is not null)
            headers[TwilioDefaults.SignatureSettingsHeader] = settings;
        return scheme.Verify(new WebhookRequest("POST", Url, headers, Encoding.UTF8.GetBytes(Body)), Now);
    }

    private static string Sha256(string key) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(SignedString)));

#pragma warning disable CA5350 // Twilio's default signature is HMAC-SHA1
    private static string Sha1(string key) => Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(SignedString)));
#pragma warning restore CA5350
}
