using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WebhookReceiver.Generators;

/// <summary>
/// Suppresses the trim and AOT analyzers' IL2026 and IL3050 at the calls of the Delegate overloads of
/// MapWebhook/On/OnAny that <see cref="DelegateHandlerGenerator"/> intercepts: the reflection-based overload they warn
/// about is never called there, so the AOT compiler never sees it. Every other call keeps its warning.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelegateHandlerSuppressor : DiagnosticSuppressor
{
    private const string Justification =
        "The delegate webhook handler is bound by code generated at compile time (WebhookReceiver.Generators), not by reflection.";

    internal static readonly SuppressionDescriptor UnreferencedCode = new("WHRSPR001", "IL2026", Justification);

    internal static readonly SuppressionDescriptor DynamicCode = new("WHRSPR002", "IL3050", Justification);

    /// <summary>Gets the suppressions this suppressor reports: IL2026 and IL3050.</summary>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = [UnreferencedCode, DynamicCode];

    /// <summary>Suppresses IL2026/IL3050 reported at an intercepted call.</summary>
    /// <param name="context">The suppression context.</param>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null || !InterceptorsFeature.IsEnabled(tree.Options))
                continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (invocation is null || !DelegateHandlerAnalysis.IsCandidate(invocation))
                continue;
            var call = DelegateHandlerAnalysis.Analyze(invocation, context.GetSemanticModel(tree), context.CancellationToken);
            if (call is { IsIntercepted: true })
                context.ReportSuppression(Suppression.Create(diagnostic.Id == "IL2026" ? UnreferencedCode : DynamicCode, diagnostic));
        }
    }
}
