using Microsoft.AspNetCore.Http;
using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("https://hooks.example.com", "/webhooks/twilio", "?a=1", "https://hooks.example.com/webhooks/twilio?a=1")]
    [InlineData("https://hooks.example.com/", "/webhooks/twilio", "", "https://hooks.example.com/webhooks/twilio")]
    [InlineData("https://example.com/app/", "/hooks", "", "https://example.com/app/hooks")]
    [InlineData("http://example.com:8080", "/hooks", "?x=%2B1", "http://example.com:8080/hooks?x=%2B1")]
    public void Build_PublicBase_ReplacesSchemeHostAndPathBase(string publicBase, string path, string query, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("internal:5000");
        context.Request.PathBase = "/internal-base";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);

        Assert.Equal(expected, WebhookUrl.Build(context.Request, WebhookUrl.ParseBase(publicBase)));
    }

    [Fact]
    public void Build_NoPublicBase_IsTheRequestsEncodedUrl()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("example.com");
        context.Request.PathBase = "/app";
        context.Request.Path = "/hooks";
        context.Request.QueryString = new QueryString("?a=1");

        Assert.Equal("https://example.com/app/hooks?a=1", WebhookUrl.Build(context.Request, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hooks.example.com")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com")]
    [InlineData("https://example.com/?q=1")]
    [InlineData("https://example.com/#top")]
    [InlineData("https://user:pass@example.com")]
    public void ParseBase_NotAnAbsoluteHttpUrlWithoutQuery_IsNull(string? text)
        => Assert.Null(WebhookUrl.ParseBase(text));
}
