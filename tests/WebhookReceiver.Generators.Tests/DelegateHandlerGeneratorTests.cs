using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookReceiver.Generators.Tests;

public sealed class DelegateHandlerGeneratorTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;
        using WebhookReceiver;
        public sealed record Order(string Id);
        public sealed class OrderLog { public Task RecordAsync(Webhook<Order> hook, CancellationToken ct) => Task.CompletedTask; }
        public interface IClock { }

        """;

    private static GeneratorRun Run(string body, CSharpParseOptions? options = null) => GeneratorRun.OfDelegates(Usings + $$"""
        public static class Endpoints
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                {{body}}
            }
        }
        """, options);

    private static void AssertCompiles(GeneratorRun run)
    {
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.CompilationWarnings);
    }

    [Fact]
    public void MapWebhook_LambdaWithServiceAndToken_CallsTheTypedOverloadWithResolvedService()
    {
        var run = Run("""app.MapWebhook("/h", "s", (Webhook<Order> hook, OrderLog log, CancellationToken ct) => log.RecordAsync(hook, ct));""");

        AssertCompiles(run);
        Assert.Contains("[global::System.Runtime.CompilerServices.InterceptsLocationAttribute(1, \"", run.Generated, StringComparison.Ordinal);
        Assert.Contains("file sealed class InterceptsLocationAttribute", run.Generated, StringComparison.Ordinal);
        Assert.Contains("Intercept0(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, string scheme, global::System.Delegate handler)",
            run.Generated, StringComparison.Ordinal);
        Assert.Contains("MapWebhook<global::Order>(endpoints, pattern, scheme, ", run.Generated, StringComparison.Ordinal);
        Assert.Contains("typed(webhook, global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::OrderLog>(webhook.HttpContext.RequestServices), cancellationToken), null);",
            run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void On_HttpContextKeyedAndOptionalServices_AreBoundFromTheRequest()
    {
        var run = Run("""
            app.MapWebhook("/h", "s").On("order.created",
                ([FromKeyedServices("audit")] OrderLog audit, HttpContext http, Webhook<Order> hook, IClock? clock, [Microsoft.AspNetCore.Mvc.FromServices] OrderLog log) => Task.CompletedTask);
            """);

        AssertCompiles(run);
        Assert.Contains("Intercept0(this global::WebhookReceiver.WebhookEndpointConventionBuilder builder, string eventType, global::System.Delegate handler)",
            run.Generated, StringComparison.Ordinal);
        Assert.Contains("builder.On<global::Order>(eventType, ", run.Generated, StringComparison.Ordinal);
        Assert.Contains("""ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<global::OrderLog>(webhook.HttpContext.RequestServices, "audit"), webhook.HttpContext, webhook, """,
            run.Generated, StringComparison.Ordinal);
        Assert.Contains("ServiceProviderServiceExtensions.GetService<global::IClock>(webhook.HttpContext.RequestServices)", run.Generated, StringComparison.Ordinal);
        Assert.Contains("GetRequiredService<global::OrderLog>(webhook.HttpContext.RequestServices))", run.Generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(Webhook<Order> hook) => ValueTask.CompletedTask", "typed(webhook).AsTask()")]
    [InlineData("(Webhook<Order> hook) => { }", "{ typed(webhook); return global::System.Threading.Tasks.Task.CompletedTask; }")]
    [InlineData("async (Webhook<Order> hook, OrderLog log) => await log.RecordAsync(hook, default)", "OrderLog>(webhook.HttpContext.RequestServices)), null);")]
    public void OnAny_VoidValueTaskOrAsyncLambda_IsAdaptedToTask(string lambda, string call)
    {
        var run = Run($$"""app.MapWebhook("/h", "s").OnAny({{lambda}});""");

        AssertCompiles(run);
        Assert.Contains("builder.OnAny<global::Order>(", run.Generated, StringComparison.Ordinal);
        Assert.Contains(call, run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void MapWebhook_MethodGroupWithOptionalParameter_IsIntercepted()
    {
        var run = GeneratorRun.OfDelegates(Usings + """
            public static class Endpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapWebhook("/h", "s", Handle);
                    app.MapWebhook("/i", "s").On("x", Handle).OnAny(Other);
                }

                private static Task Handle(Webhook<Order> hook, IClock? clock = null) => Task.CompletedTask;

                private static void Other(Webhook<Order> hook, OrderLog log) { }
            }
            """);

        AssertCompiles(run);
        Assert.Contains("Intercept2(", run.Generated, StringComparison.Ordinal);
        Assert.Contains("global::IClock? p1 = default) => throw null!);", run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Delegates_WithTwoWebhooksOrABadReturnType_AreNotInterceptedAndReportWHR006()
    {
        var run = Run("""
            app.MapWebhook("/a", "s", (Webhook<Order> a, Webhook<Order> b) => Task.CompletedTask);
            app.MapWebhook("/b", "s", (OrderLog log) => Task.CompletedTask);
            app.MapWebhook("/c", "s", (Webhook<Order> hook) => "ok");
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.Equal("", run.Generated);
        Assert.Equal(["WHR006", "WHR006", "WHR006"], run.Diagnostics.Select(d => d.Id));
        var messages = run.Diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.StartsWith("This webhook handler takes 2 Webhook<T> parameters; a webhook handler takes exactly one", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("This webhook handler takes 0 Webhook<T> parameters", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("This webhook handler returns string; a webhook handler returns void, Task or ValueTask", StringComparison.Ordinal));
        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Theory]
    [InlineData("""app.MapWebhook("/h", "s", (Webhook<Order> hook, string name) => Task.CompletedTask);""")]
    [InlineData("""app.MapWebhook("/h", "s", (Webhook<Order> hook, [Microsoft.AspNetCore.Mvc.FromQuery] OrderLog q) => Task.CompletedTask);""")]
    [InlineData("""app.MapWebhook("/h", "s", (Webhook<Order> hook, int count) => Task.CompletedTask);""")]
    [InlineData("""app.MapWebhook("/h", "s", (Webhook<Order> hook, System.IO.Stream body) => Task.CompletedTask);""")]
    [InlineData("""System.Delegate d = (Webhook<Order> hook) => Task.CompletedTask; app.MapWebhook("/h", "s", d);""")]
    public void Delegates_WithRequestBoundParametersOrNoLambda_AreLeftToReflection(string body)
    {
        var run = Run(body);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Equal("", run.Generated);
    }

    [Fact]
    public void Generator_WithoutTheInterceptorsNamespace_GeneratesNothing()
    {
        var run = Run("""app.MapWebhook("/h", "s", (Webhook<Order> hook, OrderLog log) => Task.CompletedTask);""",
            new CSharpParseOptions(LanguageVersion.Latest));

        Assert.Empty(run.CompilationErrors);
        Assert.Equal("", run.Generated);
    }
}
