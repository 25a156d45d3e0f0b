using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>MapWebhookInbox: the operations API over IWebhookInbox, its authorization rule, and the inbox health check.</summary>
public sealed class WebhookInboxApiTests
{
    private const string Prefix = "/webhooks/inbox";

    private static readonly Dictionary<string, string?> OneAttempt = new() { ["Webhooks:Inbox:MaxAttempts"] = "1" };

    private static string Body(string type) => "{\"type\":\"" + type + "\",\"timestamp\":\"2026-11-27T12:00:00Z\",\"data\":{\"card\":\"4242\"}}";

    /// <summary>A host whose handler throws for <c>test.poison</c> until <paramref name="healed"/> says otherwise.</summary>
    private static Task<WebhookTestHost> StartAsync(Func<bool> healed, Action<RouteGroupBuilder>? api = null, Action<IServiceCollection>? services = null)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app =>
            {
                app.MapWebhook(StandardDelivery.Path, "orders").OnAny((Webhook<JsonElement> hook, CancellationToken ct) =>
                    hook.EventType == "test.poison" && !healed() ? throw new InvalidOperationException("poison (test)") : Task.CompletedTask).UseInbox();
                var group = app.MapWebhookInbox(Prefix);
                if (api is null)
                    group.AllowAnonymous();
                else
                    api(group);
                if (app.Services.GetService<HealthCheckService>() is not null)
                    app.MapHealthChecks("/health");
            },
            services,
            OneAttempt);

    private static async Task PostDeliveryAsync(WebhookTestHost host, string type, string id)
    {
        var response = await host.Client.SendAsync(StandardDelivery.Create(host.Time.GetUtcNow(), Body(type), id), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> GetJsonAsync(WebhookTestHost host, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> WaitForStatusAsync(WebhookTestHost host, string status, int count = 1)
    {
        for (var i = 0; i < 400; i++)
        {
            var list = await GetJsonAsync(host, $"{Prefix}/deliveries?status={status}");
            if (list.GetArrayLength() >= count)
                return list;
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No {count} inbox entries became {status}.");
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(WebhookTestHost host, HttpMethod method, string path)
    {
        var response = await host.Client.SendAsync(new HttpRequestMessage(method, path), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Deliveries_DeadLetter_ListedWithItsFieldsAndLastErrorButNoPayload()
    {
        await using var host = await StartAsync(() => false);
        await PostDeliveryAsync(host, "test.poison", "msg_dead");
        await PostDeliveryAsync(host, "order.created", "msg_ok");

        var dead = Assert.Single((await WaitForStatusAsync(host, "dead")).EnumerateArray());
        Assert.Equal("msg_dead", dead.GetProperty("deliveryId").GetString());
        Assert.True(dead.GetProperty("deliveryIdSigned").GetBoolean());
        Assert.Equal("orders", dead.GetProperty("scheme").GetString());
        Assert.Equal("test.poison", dead.GetProperty("eventType").GetString());
        Assert.Equal("dead", dead.GetProperty("status").GetString());
        Assert.Equal(1, dead.GetProperty("attempts").GetInt32());
        Assert.Equal("System.InvalidOperationException: poison (test)", dead.GetProperty("lastError").GetString());
        Assert.False(string.IsNullOrEmpty(dead.GetProperty("id").GetString()));
        Assert.DoesNotContain("4242", dead.GetRawText(), StringComparison.Ordinal);

        var completed = Assert.Single((await WaitForStatusAsync(host, "completed")).EnumerateArray());
        Assert.Equal("msg_ok", completed.GetProperty("deliveryId").GetString());
        Assert.Equal(2, (await GetJsonAsync(host, $"{Prefix}/deliveries")).GetArrayLength());
    }

    [Fact]
    public async Task DeliveryById_ReturnsBodyAndRedactedHeaders_UnknownIs404()
    {
        await using var host = await StartAsync(() => false);
        var request = StandardDelivery.Create(host.Time.GetUtcNow(), Body("test.poison"), "msg_1");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer secret-token");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        var id = (await WaitForStatusAsync(host, "dead"))[0].GetProperty("id").GetString();

        var entry = await GetJsonAsync(host, $"{Prefix}/deliveries/{id}");
        Assert.Equal(Body("test.poison"), entry.GetProperty("body").GetString());
        Assert.Equal("msg_1", entry.GetProperty("headers").GetProperty("webhook-id")[0].GetString());
        Assert.Equal("[redacted]", entry.GetProperty("headers").GetProperty("Authorization")[0].GetString());
        Assert.DoesNotContain("secret-token", entry.GetRawText(), StringComparison.Ordinal);

        var missing = await GetJsonAsync(host, $"{Prefix}/deliveries/nope", HttpStatusCode.NotFound);
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Retry_DeadLetterAfterTheFix_Completes_AndACompletedOneIsAConflict()
    {
        var healed = false;
        await using var host = await StartAsync(() => healed);
        await PostDeliveryAsync(host, "test.poison", "msg_1");
        var id = (await WaitForStatusAsync(host, "dead"))[0].GetProperty("id").GetString();

        healed = true;
        var (status, body) = await SendAsync(host, HttpMethod.Post, $"{Prefix}/deliveries/{id}/retry");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$"""{"id":"{{id}}","status":"queued"}""", body);
        var completed = (await WaitForStatusAsync(host, "completed"))[0];
        Assert.Equal(id, completed.GetProperty("id").GetString());
        Assert.Equal(2, completed.GetProperty("attempts").GetInt32());

        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(host, HttpMethod.Post, $"{Prefix}/deliveries/{id}/retry")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Post, $"{Prefix}/deliveries/nope/retry")).Status);
    }

    [Fact]
    public async Task Requeue_ResetsAttempts_OnlyForDeadLetters()
    {
        var healed = false;
        await using var host = await StartAsync(() => healed);
        await PostDeliveryAsync(host, "test.poison", "msg_1");
        var id = (await WaitForStatusAsync(host, "dead"))[0].GetProperty("id").GetString();
        var inbox = host.Services.GetRequiredService<IWebhookInbox>();

        healed = true;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, HttpMethod.Post, $"{Prefix}/deliveries/{id}/requeue")).Status);
        await WaitForStatusAsync(host, "completed");
        Assert.Equal(1, (await inbox.GetAsync(id!, TestContext.Current.CancellationToken))!.Attempts);
        Assert.Equal(WebhookInboxOperationResult.WrongStatus, await inbox.RequeueAsync(id!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeleteAndPurge_RemoveSettledEntries_CountsFollow()
    {
        await using var host = await StartAsync(() => false);
        await PostDeliveryAsync(host, "test.poison", "msg_1");
        await PostDeliveryAsync(host, "test.poison", "msg_2");
        await PostDeliveryAsync(host, "order.created", "msg_3");
        var dead = await WaitForStatusAsync(host, "dead", 2);
        await WaitForStatusAsync(host, "completed");

        var counts = await GetJsonAsync(host, $"{Prefix}/counts");
        Assert.Equal(2, counts.GetProperty("dead").GetInt64());
        Assert.Equal(1, counts.GetProperty("completed").GetInt64());
        Assert.Equal(0, counts.GetProperty("pending").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, HttpMethod.Delete, $"{Prefix}/deliveries/{dead[0].GetProperty("id").GetString()}")).Status);
        var (status, body) = await SendAsync(host, HttpMethod.Delete, $"{Prefix}/deliveries?status=dead");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"dead","purged":1}""", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(host, HttpMethod.Delete, $"{Prefix}/deliveries?status=queued")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(host, HttpMethod.Delete, $"{Prefix}/deliveries")).Status);
        counts = await GetJsonAsync(host, $"{Prefix}/counts");
        Assert.Equal(0, counts.GetProperty("dead").GetInt64());
        Assert.Equal(1, counts.GetProperty("completed").GetInt64());
    }

    [Theory]
    [InlineData("status=lost")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=ten")]
    public async Task Deliveries_BadQuery_Is400(string query)
    {
        await using var host = await StartAsync(() => false);
        var problem = await GetJsonAsync(host, $"{Prefix}/deliveries?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task MapWebhookInbox_WithoutAuthorizationOrAllowAnonymous_FailsAtStartup()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(() => false, api: _ => { }));
        var message = error is AggregateException aggregate ? aggregate.InnerExceptions[0].Message : error.Message;
        Assert.Contains("RequireAuthorization", message, StringComparison.Ordinal);
        Assert.Contains(Prefix, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapWebhookInbox_RequireAuthorization_RefusesAnonymousAndServesTheOperator()
    {
        await using var host = await StartAsync(() => false, api: g => g.RequireAuthorization("inbox-operators"), services: s =>
        {
            s.AddAuthentication(HeaderAuthentication.Name).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.Name, null);
            s.AddAuthorizationBuilder().AddPolicy("inbox-operators", p => p.RequireRole("operator"));
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, HttpMethod.Get, $"{Prefix}/deliveries")).Status);
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/deliveries");
        request.Headers.Add(HeaderAuthentication.Header, "operator");
        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        request = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/deliveries");
        request.Headers.Add(HeaderAuthentication.Header, "visitor");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task HealthCheck_LagPastTheLimit_IsDegraded_DeadLettersOnlyWhenAsked()
    {
        var gate = new TaskCompletionSource();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders").OnAny((Webhook<JsonElement> hook, CancellationToken ct) => gate.Task.WaitAsync(ct)).UseInbox(),
            s => s.AddHealthChecks().AddWebhookInboxCheck(TimeSpan.FromMinutes(1)).AddWebhookInboxCheck(degradedOnDeadLetters: true, name: "dead"),
            OneAttempt);
        var health = host.Services.GetRequiredService<HealthCheckService>();

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Status);
        await PostDeliveryAsync(host, "order.created", "msg_1");
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var report = await health.CheckHealthAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Degraded, report.Entries[WebhookHealthChecksBuilderExtensions.InboxCheckName].Status);
        Assert.Contains("not keeping up", report.Entries[WebhookHealthChecksBuilderExtensions.InboxCheckName].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, report.Entries["dead"].Status);
        gate.SetResult();
    }

    [Fact]
    public async Task HealthCheck_StoreDown_IsUnhealthy()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders").UseInbox(),
            s => s.AddSingleton<IWebhookInboxStore, FailingInboxStore>().AddHealthChecks().AddWebhookInboxCheck());
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
    }

    /// <summary>Authenticates a request whose <see cref="Header"/> names its role; none: no result (401 under a policy).</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "test-header";
        public const string Header = "X-Test-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var role))
                return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "test"), new Claim(ClaimTypes.Role, role.ToString())], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
