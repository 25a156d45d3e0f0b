using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WebhookReceiver.Generators.Tests;

public sealed class DelegateHandlerSuppressorTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        using WebhookReceiver;
        public sealed record Order(string Id);
        public sealed class OrderLog;
        public static class Endpoints
        {
            public static void Map(IEndpointRouteBuilder app, System.Delegate prebuilt)
            {
                app.MapWebhook("/intercepted", "s", (Webhook<Order> hook, OrderLog log) => Task.CompletedTask);
                app.MapWebhook("/prebuilt", "s", prebuilt);
                app.MapWebhook("/route", "s", (Webhook<Order> hook, string id) => Task.CompletedTask);
                app.MapWebhook("/on", "s").On("x", (Webhook<Order> hook) => { }).OnAny(prebuilt);
            }
        }
        """;

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CSharpParseOptions options)
    {
        var compilation = GeneratorRun.Compile(Source, options);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TrimAnalyzerStandIn(), new DelegateHandlerSuppressor());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        return diagnostics.Where(d => d.Id is "IL2026" or "IL3050").ToImmutableArray();
    }

    /// <summary>The call a diagnostic is reported at, as "IL2026 /path Method".</summary>
    private static string CallOf(Diagnostic diagnostic)
    {
        var node = diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        var invocation = (InvocationExpressionSyntax)node;
        var method = ((MemberAccessExpressionSyntax)invocation.Expression).Name.Identifier.ValueText;
        var path = invocation.DescendantNodes().OfType<LiteralExpressionSyntax>().First(l => l.Token.ValueText.StartsWith('/')).Token.ValueText;
        return $"{diagnostic.Id} {path} {method}";
    }

    [Fact]
    public async Task Suppressor_InterceptedCalls_HaveIL2026AndIL3050Suppressed_OtherCallsKeepThem()
    {
        var diagnostics = await AnalyzeAsync(GeneratorRun.Intercepting);

        var suppressed = diagnostics.Where(d => d.IsSuppressed).Select(CallOf).Order().ToList();
        var kept = diagnostics.Where(d => !d.IsSuppressed).Select(CallOf).Order().ToList();
        Assert.Equal(["IL2026 /intercepted MapWebhook", "IL2026 /on On", "IL3050 /intercepted MapWebhook", "IL3050 /on On"], suppressed);
        Assert.Equal(
        [
            "IL2026 /on OnAny", "IL2026 /prebuilt MapWebhook", "IL2026 /route MapWebhook",
            "IL3050 /on OnAny", "IL3050 /prebuilt MapWebhook", "IL3050 /route MapWebhook",
        ], kept);
    }

    [Fact]
    public async Task Suppressor_WithoutTheInterceptorsNamespace_SuppressesNothing()
    {
        var diagnostics = await AnalyzeAsync(new CSharpParseOptions(LanguageVersion.Latest));

        Assert.Equal(10, diagnostics.Length);
        Assert.DoesNotContain(diagnostics, d => d.IsSuppressed);
    }
}
