using System.Globalization;

namespace WebhookReceiver.Generators.Tests;

public sealed class WebhookHandlerGeneratorTests
{
    private const string Usings = """
        using System.Threading;
        using Microsoft.AspNetCore.Mvc;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using WebhookReceiver;
        public sealed record Push(string Ref);
        public sealed record Invoice(string Id);

        """;

    [Fact]
    public void Generator_HandlerClasses_AreRegisteredWithAddWebhookHandler()
    {
        var run = GeneratorRun.Of(Usings + """
            namespace App {
            [WebhookHandler("github", "push")]
            public sealed class PushHandler : IWebhookHandler<Push>
            {
                public Task HandleAsync(Webhook<Push> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            [WebhookHandler("stripe", "invoice.paid")]
            [WebhookHandler("stripe", "invoice.created")]
            internal sealed class InvoiceHandler : IWebhookHandler<Invoice>
            {
                public Task HandleAsync(Webhook<Invoice> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            public static class Startup
            {
                public static void Configure(WebhookBuilder builder) => builder.AddGeneratedWebhookHandlers();
            }
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("AddWebhookHandler<global::App.PushHandler, global::Push>(builder);", run.Generated, StringComparison.Ordinal);
        Assert.Contains("AddWebhookHandler<global::App.InvoiceHandler, global::Invoice>(builder);", run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_NoHandlerClasses_StillGeneratesAnEmptyRegistration()
    {
        var run = GeneratorRun.Of(Usings + "public static class S { public static WebhookBuilder C(WebhookBuilder b) => b.AddGeneratedWebhookHandlers(); }");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain("AddWebhookHandler<", run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_ClassWithoutHandlerInterface_ReportsWHR001()
    {
        var run = GeneratorRun.Of(Usings + """
            [WebhookHandler("github", "push")]
            public sealed class NotAHandler { }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("WHR001", diagnostic.Id);
        Assert.Contains("NotAHandler", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("NotAHandler", run.Generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public abstract class H : IWebhookHandler<Push>", "abstract")]
    [InlineData("public sealed class H<TX> : IWebhookHandler<Push>", "open generic")]
    public void Generator_AbstractOrOpenGenericClass_ReportsWHR002(string declaration, string reason)
    {
        var run = GeneratorRun.Of(Usings + $$"""
            [WebhookHandler("github", "push")]
            {{declaration}}
            {
                public Task HandleAsync(Webhook<Push> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("WHR002", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("AddWebhookHandler<", run.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_TwoClassesForOneSchemeAndEventType_ReportsWHR003()
    {
        var run = GeneratorRun.Of(Usings + """
            [WebhookHandler("github", "push")]
            public sealed class A : IWebhookHandler<Push>
            {
                public Task HandleAsync(Webhook<Push> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            [WebhookHandler("github", "push")]
            public sealed class B : IWebhookHandler<Push>
            {
                public Task HandleAsync(Webhook<Push> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            [WebhookHandler("gitlab", "push")]
            public sealed class C : IWebhookHandler<Push>
            {
                public Task HandleAsync(Webhook<Push> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("WHR003", diagnostic.Id);
        Assert.Equal("Classes 'A' and 'B' both handle event type 'push' of scheme 'github'; keep one", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Generator_FromBodyOnVerifyWebhookAction_ReportsWHR004()
    {
        var run = GeneratorRun.Of(Usings + """
            public sealed class HooksController : ControllerBase
            {
                [VerifyWebhook("github")]
                public IActionResult Bad([FromBody] Push push) => Ok();

                [VerifyWebhook("github")]
                public IActionResult Good(Webhook<Push> push) => Ok();

                public IActionResult Unverified([FromBody] Push push) => Ok();
            }
            """);

        Assert.Empty(run.CompilationErrors);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("WHR004", diagnostic.Id);
        Assert.Contains("'push' of [VerifyWebhook] action 'Bad'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_ClassImplementingTwoHandlerInterfaces_ReportsWHR005()
    {
        var run = GeneratorRun.Of(Usings + """
            [WebhookHandler("github", "push")]
            public sealed class Both : IWebhookHandler<Push>, IWebhookHandler<Invoice>
            {
                public Task HandleAsync(Webhook<Push> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
                public Task HandleAsync(Webhook<Invoice> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);

        Assert.Equal("WHR005", Assert.Single(run.Diagnostics).Id);
    }
}
