using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Dropbox;

public sealed class DropboxConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "dropbox-app-secret-1";

    public override WebhookProvider Provider => DropboxScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "dropbox-app-secret-2";

    protected override string SignatureHeader => DropboxDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"list_folder":{"accounts":["dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc"]},"delta":{"users":[12345678]}}""";

    protected override string? EventType => null;

    protected override string? ExpectedDeliveryId => null;

    [Fact]
    public void Verify_HexSignatureComputedIndependently_Succeeds()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var headers = new HeaderDictionary
        {
            [DropboxDefaults.SignatureHeader] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)),
        };

        var result = new DropboxScheme("test", new DropboxOptions { Secret = Secret }).Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Get_Challenge_EchoesItAsTextPlainWithoutHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });

        var response = await host.Client.GetAsync(Url + "?challenge=XBdJ8uZp1ceRjFbPQ3", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("XBdJ8uZp1ceRjFbPQ3", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, runs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("challenge=")]
    [InlineData("challenge=1&challenge=2")]
    public async Task Get_MissingOrRepeatedChallenge_Answers400(string query)
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);

        var response = await host.Client.GetAsync(Url + "?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
