using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Typeform;

public sealed class TypeformConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "typeform-secret-1";

    public override WebhookProvider Provider => TypeformScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "typeform-secret-2";

    protected override string SignatureHeader => TypeformDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"event_id":"01HZK8Q2","event_type":"form_response","form_response":{"form_id":"lT4Z3j","answers":[]}}""";

    protected override string? EventType => "form_response";

    protected override string? ExpectedDeliveryId => "01HZK8Q2";

    [Fact]
    public void Verify_HexInsteadOfBase64_FailsWithMalformedHeader()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var headers = new HeaderDictionary { [TypeformDefaults.SignatureHeader] = "sha256=" + hex };

        var result = Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
    }
}
