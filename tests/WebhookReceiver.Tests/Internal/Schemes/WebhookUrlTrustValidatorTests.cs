using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>A URL-signing scheme must not verify against a Host header that nothing pins.</summary>
public sealed class WebhookUrlTrustValidatorTests
{
    private static async Task<WebApplication> StartAsync(string environment, Action<TwilioOptions> twilio, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        var logs = new TestLogSink();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(logs);
        builder.Services.AddWebhooks().AddTwilio("twilio", o =>
        {
            o.Secret = "12345";
            twilio(o);
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    [Fact]
    public async Task Start_ProductionWithNothingPinningTheHost_StopsTheAppNamingTheScheme()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, _ => { }));

        Assert.Contains("'twilio'", error.Message, StringComparison.Ordinal);
        Assert.Contains("PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PublicBaseUrlAllowedHostsOrForwardedHost_Starts()
    {
        await using (await StartAsync(Environments.Production, o => o.PublicBaseUrl = "https://hooks.example.com")) { }
        await using (await StartAsync(Environments.Production, _ => { },
            s => s.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = ["hooks.example.com"]))) { }
        await using (await StartAsync(Environments.Production, _ => { },
            s => s.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto))) { }
    }

    [Fact]
    public async Task Start_DevelopmentWithNothingPinningTheHost_StartsWithAWarning()
    {
        await using var app = await StartAsync(Environments.Development, _ => { });

        Assert.Contains(app.Services.GetRequiredService<TestLogSink>().Messages,
            m => m.Contains("twilio", StringComparison.Ordinal) && m.Contains("Host header", StringComparison.Ordinal));
    }
}
