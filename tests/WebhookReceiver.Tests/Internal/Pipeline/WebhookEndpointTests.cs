using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>The response contract of DESIGN.md, row by row, through the real pipeline on TestServer.</summary>
public sealed class WebhookEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<WebhookTestHost> StartAsync(Func<Webhook<OrderEvent>, CancellationToken, Task> handler,
        Action<StandardWebhooksOptions>? configure = null, Action<IServiceCollection>? services = null)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o =>
            {
                o.Secret = StandardDelivery.Secret;
                configure?.Invoke(o);
            }),
            app => app.MapWebhook(StandardDelivery.Path, "orders", handler),
            services);

    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> SendAsync(WebhookTestHost host, HttpRequestMessage request)
    {
        var response = await host.Client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response);
    }

    [Fact]
    public async Task Verified_HandlerSucceeds_Answers200Processed()
    {
        OrderEvent? seen = null;
        await using var host = await StartAsync((hook, _) => { seen = hook.Payload; return Task.CompletedTask; });

        var (status, body, response) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"processed"}""", body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("o-1", seen?.Data?.OrderId);
    }

    [Fact]
    public async Task Handler_ReceivesEnvelopeAndExactBody()
    {
        Webhook<OrderEvent>? seen = null;
        byte[]? bodyCopy = null;
        await using var host = await StartAsync((hook, _) => { seen = hook; bodyCopy = hook.Body.ToArray(); return Task.CompletedTask; });
        var body = StandardDelivery.OrderBody("order.paid");

        await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), body, id: "msg_envelope"));

        Assert.NotNull(seen);
        Assert.Equal("orders", seen!.Scheme);
        Assert.Equal("msg_envelope", seen.DeliveryId);
        Assert.Equal("order.paid", seen.EventType);
        Assert.Equal(host.Time.GetUtcNow(), seen.Timestamp);
        Assert.Equal(Encoding.UTF8.GetBytes(body), bodyCopy);
    }

    [Fact]
    public async Task Verified_AlreadyCompleted_Answers200DuplicateWithoutHandler()
    {
        var runs = 0;
        await using var host = await StartAsync((_, _) => { runs++; return Task.CompletedTask; });
        var now = host.Time.GetUtcNow();

        await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));
        var (status, body, _) = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"duplicate"}""", body);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Verified_NoHandlerForEventType_Answers200Ignored()
    {
        var runs = 0;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders")
                .On<OrderEvent>("order.created", (_, _) => { runs++; return Task.CompletedTask; }));

        var (status, body, _) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody("customer.deleted")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"ignored"}""", body);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task IgnoredStatusCode_IsConfigurable()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders"),
            services => services.Configure<WebhookOptions>(o => o.IgnoredStatusCode = 202));

        var (status, body, _) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody()));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("""{"status":"ignored"}""", body);
    }

    [Fact]
    public async Task On_DispatchesEachEventTypeToItsHandler()
    {
        var calls = new List<string>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders")
                .On<OrderEvent>("order.created", (h, _) => { calls.Add("created:" + h.Payload.Data!.OrderId); return Task.CompletedTask; })
                .On<OrderEvent>("order.paid", (h, _) => { calls.Add("paid:" + h.Payload.Data!.OrderId); return Task.CompletedTask; })
                .OnAny<System.Text.Json.JsonElement>((h, _) => { calls.Add("any:" + h.EventType); return Task.CompletedTask; }));
        var now = host.Time.GetUtcNow();

        await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody("order.created", "a"), id: "1"));
        await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody("order.paid", "b"), id: "2"));
        await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody("order.refunded", "c"), id: "3"));

        Assert.Equal(["created:a", "paid:b", "any:order.refunded"], calls);
    }

    [Fact]
    public async Task DelegateHandler_BindsServicesAndCancellationToken()
    {
        var recorder = new Recorder();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders",
                (Webhook<OrderEvent> hook, Recorder r, ILogger<Recorder> logger, CancellationToken ct) =>
                {
                    r.Seen.Add(hook.Payload.Data!.OrderId!);
                    r.TokenCanBeCancelled = ct.CanBeCanceled;
                }),
            services => services.AddSingleton(recorder));

        var (status, body, _) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody(orderId: "o-42")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"processed"}""", body);
        Assert.Equal(["o-42"], recorder.Seen);
        Assert.True(recorder.TokenCanBeCancelled);
    }

    [Fact]
    public async Task DelegateHandler_ReturningAValue_IsRefusedAtMapTime()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
#pragma warning disable WHR006 // the point of the test: the generator warns, and the refusal at map time stays
            app => app.MapWebhook(StandardDelivery.Path, "orders", (Webhook<OrderEvent> hook) => "ok")));
#pragma warning restore WHR006
        Assert.Contains("void, Task or ValueTask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InFlight_SameDeliveryBeingProcessed_Answers409WithRetryAfter()
    {
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var host = await StartAsync(async (_, _) => { entered.TrySetResult(); await release.Task; });
        var now = host.Time.GetUtcNow();

        var first = SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var (status, body, response) = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));
        release.SetResult();
        var (firstStatus, firstBody, _) = await first;

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":409", body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal("""{"status":"processed"}""", firstBody);
    }

    [Fact]
    public async Task ConcurrentIdenticalDeliveries_RunTheHandlerExactlyOnce()
    {
        var runs = 0;
        await using var host = await StartAsync(async (_, _) => { Interlocked.Increment(ref runs); await Task.Delay(20, Ct); });
        var now = host.Time.GetUtcNow();

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "msg_concurrent"))));

        Assert.Equal(1, runs);
        Assert.Single(results, r => r.Body == """{"status":"processed"}""");
        Assert.All(results, r => Assert.True(
            r.Body is """{"status":"processed"}""" or """{"status":"duplicate"}""" || r.Status == HttpStatusCode.Conflict,
            $"unexpected {(int)r.Status} {r.Body}"));
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public async Task Timestamp_OutsideToleranceInEitherDirection_Answers401(int offsetSeconds, bool accepted)
    {
        await using var host = await StartAsync((_, _) => Task.CompletedTask);
        var signedAt = host.Time.GetUtcNow().AddSeconds(offsetSeconds);

        var (status, _, _) = await SendAsync(host, StandardDelivery.Create(signedAt, StandardDelivery.OrderBody()));

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Timestamp_ClockMovesPastTolerance_SameRequestRefused()
    {
        await using var host = await StartAsync((_, _) => Task.CompletedTask);
        var signedAt = host.Time.GetUtcNow();
        host.Time.Advance(TimeSpan.FromMinutes(6));

        var (status, body, _) = await SendAsync(host, StandardDelivery.Create(signedAt, StandardDelivery.OrderBody()));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("timestamp", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(host.Logs.Messages, m => m.Contains("s old, tolerance 300 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rotation_OldAndNewSecretsBothAccepted()
    {
        const string newSecret = "whsec_bmV3LXNlY3JldC1mb3Itcm90YXRpb24tdGVzdHM=";
        await using var host = await StartAsync((_, _) => Task.CompletedTask, o => o.Secrets.Add(newSecret));
        var now = host.Time.GetUtcNow();

        var (oldStatus, _, _) = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "old", secret: StandardDelivery.Secret));
        var (newStatus, _, _) = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "new", secret: newSecret));
        var (otherStatus, _, _) = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), id: "other", secret: StandardDelivery.OtherSecret));

        Assert.Equal(HttpStatusCode.OK, oldStatus);
        Assert.Equal(HttpStatusCode.OK, newStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, otherStatus);
    }

    [Fact]
    public async Task Rotation_LastSignatureInHeaderMatches_Accepted()
    {
        await using var host = await StartAsync((_, _) => Task.CompletedTask);
        var request = StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody());
        var valid = request.Headers.GetValues("webhook-signature").Single();
        request.Headers.Remove("webhook-signature");
        request.Headers.TryAddWithoutValidation("webhook-signature", $"v1,{Convert.ToBase64String(new byte[32])} v2,unknown {valid}");

        var (status, _, _) = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task HandlerThrows_Answers500ThenRetryIsProcessed()
    {
        var attempts = 0;
        await using var host = await StartAsync((_, _) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
                throw new InvalidOperationException("database is down: secret-detail-42");
            return Task.CompletedTask;
        });
        var now = host.Time.GetUtcNow();

        var (firstStatus, firstBody, firstResponse) = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));
        var (retryStatus, retryBody, _) = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));
        var (againStatus, againBody, _) = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));

        Assert.Equal(HttpStatusCode.InternalServerError, firstStatus);
        Assert.Equal("application/problem+json", firstResponse.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret-detail-42", firstBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retryStatus);
        Assert.Equal("""{"status":"processed"}""", retryBody);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal("""{"status":"duplicate"}""", againBody);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task MalformedPayload_Answers400AndReleasesTheClaim()
    {
        var store = new RecordingStore();
        await using var host = await StartAsync((_, _) => Task.CompletedTask,
            services: s => s.Replace(ServiceDescriptor.Singleton<IWebhookNonceStore>(store)));
        const string body = """{"type":"order.created","data":"not an object"}""";

        var (status, response, _) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"status\":400", response, StringComparison.Ordinal);
        Assert.Equal(["claim orders:msg_1", "release orders:msg_1"], store.Calls);
    }

    [Fact]
    public async Task BodyNotJson_Answers400()
    {
        await using var host = await StartAsync((_, _) => Task.CompletedTask);

        var (status, _, _) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), "not json at all"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task NonceStoreDown_Answers503WithRetryAfterAndSkipsHandler()
    {
        var runs = 0;
        await using var host = await StartAsync((_, _) => { runs++; return Task.CompletedTask; },
            services: s => s.Replace(ServiceDescriptor.Singleton<IWebhookNonceStore>(new RecordingStore { Down = true })));

        var (status, body, response) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"status\":503", body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task NonceStoreDown_FailOpen_ProcessesAndLogsWarning()
    {
        var runs = 0;
        await using var host = await StartAsync((_, _) => { runs++; return Task.CompletedTask; },
            o => o.Replay.FailOpen = true,
            s => s.Replace(ServiceDescriptor.Singleton<IWebhookNonceStore>(new RecordingStore { Down = true })));

        var (status, body, _) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"processed"}""", body);
        Assert.Equal(1, runs);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("WITHOUT replay protection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayDisabled_SameDeliveryProcessedTwice()
    {
        var runs = 0;
        await using var host = await StartAsync((_, _) => { runs++; return Task.CompletedTask; }, o => o.Replay.Enabled = false);
        var now = host.Time.GetUtcNow();

        await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));
        await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody()));

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task BodyLargerThanMaxBodySize_Answers413()
    {
        var runs = 0;
        await using var host = await StartAsync((_, _) => { runs++; return Task.CompletedTask; }, o => o.MaxBodySize = 1024);
        var body = StandardDelivery.OrderBody(orderId: new string('x', 2000));

        var (status, response, _) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("\"status\":413", response, StringComparison.Ordinal);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task ChunkedBodyLargerThanMaxBodySize_Answers413WithoutContentLength()
    {
        await using var host = await StartAsync((_, _) => Task.CompletedTask, o => o.MaxBodySize = 1024);
        var request = StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody(orderId: new string('x', 5000)));
        var bytes = await request.Content!.ReadAsByteArrayAsync(Ct);
        request.Content = new StreamContent(new NonSeekableStream(bytes));

        var (status, _, _) = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task BodyExactlyMaxBodySize_IsAccepted()
    {
        var body = StandardDelivery.OrderBody();
        await using var host = await StartAsync((_, _) => Task.CompletedTask, o => o.MaxBodySize = Encoding.UTF8.GetByteCount(body));

        var (status, _, _) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), body));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData(400, "Bad chunk size data.")]
    [InlineData(408, "Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.")]
    public async Task BodyRefusedByTheServerWhileRead_AnswersItsStatusWithoutAnErrorLog(int statusCode, string message)
    {
        // Found by the fuzz suite: Kestrel's refusal of a broken chunked body or a too-slow one escaped the pipeline and
        // was logged as "An unhandled exception was thrown by the application".
        var runs = 0;
        await using var host = await StartAsync((_, _) => { runs++; return Task.CompletedTask; });
        var server = (Microsoft.AspNetCore.TestHost.TestServer)host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        var signed = StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody());

        var context = await server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = StandardDelivery.Path;
            foreach (var header in signed.Headers)
                c.Request.Headers[header.Key] = header.Value.ToArray();
            c.Request.Body = new RefusingStream(new Microsoft.AspNetCore.Http.BadHttpRequestException(message, statusCode));
        }, Ct);

        Assert.Equal(statusCode, context.Response.StatusCode);
        Assert.Equal(0, runs);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    public static TheoryData<string, string?> MalformedHeaders => new()
    {
        { "webhook-signature", null },
        { "webhook-id", null },
        { "webhook-timestamp", null },
        { "webhook-timestamp", "" },
        { "webhook-timestamp", "yesterday" },
        { "webhook-timestamp", "-5" },
        { "webhook-timestamp", "1.5" },
        { "webhook-timestamp", "99999999999999999999999" },
        { "webhook-timestamp", "9999999999999999" },
        { "webhook-signature", "" },
        { "webhook-signature", "v1" },
        { "webhook-signature", "v1," },
        { "webhook-signature", "v1,!!!!" },
        { "webhook-signature", ",,, ,,," },
        { "webhook-signature", "v1a,AAAA" },
        { "webhook-signature", "v9,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" },
        { "webhook-id", "" },
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public async Task MalformedOrMissingHeader_Answers401NeverServerError(string header, string? value)
    {
        var runs = 0;
        await using var host = await StartAsync((_, _) => { runs++; return Task.CompletedTask; });
        var request = StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody());
        request.Headers.Remove(header);
        if (value is not null)
            request.Headers.TryAddWithoutValidation(header, value);

        var (status, body, response) = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The webhook signature could not be verified.", body, StringComparison.Ordinal);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task Get_IsNotAWebhook_Answers405()
    {
        await using var host = await StartAsync((_, _) => Task.CompletedTask);

        var response = await host.Client.GetAsync(StandardDelivery.Path, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Logs_NeverContainSecretSignatureOrBody()
    {
        await using var host = await StartAsync((_, _) => throw new InvalidOperationException("boom"));
        var now = host.Time.GetUtcNow();
        var body = StandardDelivery.OrderBody(orderId: "very-private-order");
        var valid = StandardDelivery.Create(now, body);
        var signature = valid.Headers.GetValues("webhook-signature").Single();

        await SendAsync(host, valid);
        await SendAsync(host, StandardDelivery.Create(now, body, secret: StandardDelivery.OtherSecret));
        await SendAsync(host, StandardDelivery.Create(now.AddHours(-1), body));

        var all = string.Join('\n', host.Logs.Entries.Select(e => e.Message + e.Exception));
        Assert.NotEmpty(host.Logs.Messages);
        Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", all, StringComparison.Ordinal);
        Assert.DoesNotContain(signature["v1,".Length..], all, StringComparison.Ordinal);
        Assert.DoesNotContain("very-private-order", all, StringComparison.Ordinal);
    }

    private sealed class Recorder
    {
        public List<string> Seen { get; } = [];

        public bool TokenCanBeCancelled { get; set; }
    }

    /// <summary>A request body the server refuses while it is read, as Kestrel does with broken framing or a too-slow sender.</summary>
    private sealed class RefusingStream(Exception refusal) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(refusal);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(refusal);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
