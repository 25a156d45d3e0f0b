using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace WebhookReceiver.Generators;

/// <summary>
/// Reads a call of <c>MapWebhook(pattern, scheme, Delegate)</c>, <c>On(eventType, Delegate)</c> or <c>OnAny(Delegate)</c>
/// whose handler is a lambda or a method group, and writes the interceptor that binds its parameters without
/// reflection. Shared by <see cref="DelegateHandlerGenerator"/> and <see cref="DelegateHandlerSuppressor"/>, so a
/// warning is suppressed exactly where a call is intercepted.
/// </summary>
internal static class DelegateHandlerAnalysis
{
    private const string RouteExtensions = "Microsoft.AspNetCore.Builder.WebhookEndpointRouteBuilderExtensions";
    private const string ConventionBuilder = "WebhookReceiver.WebhookEndpointConventionBuilder";
    private const string Services = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions";
    private const string KeyedServices = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions";
    private const string Task = "global::System.Threading.Tasks.Task";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Types minimal APIs bind from the request itself (body, form): left to RequestDelegateFactory.</summary>
    private static readonly HashSet<string> RequestBoundTypes =
    [
        "System.IO.Stream",
        "System.IO.Pipelines.PipeReader",
        "Microsoft.AspNetCore.Http.IFormFile",
        "Microsoft.AspNetCore.Http.IFormFileCollection",
        "Microsoft.AspNetCore.Http.IFormCollection",
    ];

    /// <summary>Attributes that bind a parameter from the request rather than from services: left to RequestDelegateFactory.</summary>
    private static readonly HashSet<string> RequestMetadata =
    [
        "Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata",
        "Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata",
        "Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata",
        "Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata",
        "Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata",
    ];

    /// <summary>A cheap syntactic filter: an invocation named MapWebhook, On or OnAny, not generic.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax invocation
        && (invocation.Expression switch
        {
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            IdentifierNameSyntax name => name.Identifier.ValueText,
            _ => null,
        }) is "MapWebhook" or "On" or "OnAny";

    /// <summary>
    /// Analyzes <paramref name="invocation"/>: null when it is not a call of a Delegate overload with a lambda or a
    /// method group; otherwise the interceptor (when every parameter can be bound) or the problem, if any.
    /// </summary>
    public static DelegateHandlerCall? Analyze(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol called)
            return null;
        var target = called.ReducedFrom ?? called;
        var kind = KindOf(target);
        if (kind is null)
            return null;
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            return null;
        var argument = operation.Arguments.FirstOrDefault(static a => a.Parameter?.Name == "handler");
        if (argument is null || HandlerOf(argument.Value) is not { } handler)
            return null;

        var location = invocation.GetLocation();
        var returnKind = ReturnKind(handler.ReturnType);
        if (returnKind is null)
            return new DelegateHandlerCall(null, null,
                $"returns {handler.ReturnType.ToDisplayString()}; a webhook handler returns void, Task or ValueTask", location);
        var hooks = handler.Parameters.Where(static p => PayloadOf(p.Type) is not null).ToList();
        if (hooks.Count != 1)
            return new DelegateHandlerCall(null, null,
                $"takes {hooks.Count} Webhook<T> parameters; a webhook handler takes exactly one", location);

        var arguments = new List<string>();
        foreach (var parameter in handler.Parameters)
        {
            if (Bind(parameter) is not { } bound)
                return new DelegateHandlerCall(null, null, null, location);
            arguments.Add(bound);
        }
        if (model.GetInterceptableLocation(invocation, cancellationToken) is not { } interceptable)
            return new DelegateHandlerCall(null, null, null, location);

        var payload = PayloadOf(hooks[0].Type)!.ToDisplayString(TypeFormat);
        return new DelegateHandlerCall(interceptable.GetInterceptsLocationAttributeSyntax(),
            Render(kind, payload, handler, returnKind, arguments), null, location);
    }

    private static string? KindOf(IMethodSymbol method)
    {
        var owner = method.ContainingType?.ToDisplayString();
        var parameters = method.Parameters;
        if (parameters.Length == 0 || parameters[parameters.Length - 1].Type.ToDisplayString() != "System.Delegate")
            return null;
        return (owner, method.Name, parameters.Length) switch
        {
            (RouteExtensions, "MapWebhook", 4) => "MapWebhook",
            (ConventionBuilder, "On", 2) => "On",
            (ConventionBuilder, "OnAny", 1) => "OnAny",
            _ => null,
        };
    }

    /// <summary>The lambda or the method of the method group converted to Delegate; null for any other expression.</summary>
    private static IMethodSymbol? HandlerOf(IOperation value)
    {
        while (value is IConversionOperation { Operand: var operand })
            value = operand;
        if (value is IDelegateCreationOperation { Target: var target })
            value = target;
        return value switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            IMethodReferenceOperation { Method: { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method } => method,
            _ => null,
        };
    }

    private static string? ReturnKind(ITypeSymbol type) => type.SpecialType == SpecialType.System_Void
        ? "void"
        : type.ToDisplayString() switch
        {
            "System.Threading.Tasks.Task" => "Task",
            "System.Threading.Tasks.ValueTask" => "ValueTask",
            _ => null,
        };

    private static ITypeSymbol? PayloadOf(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true } named
        && named.OriginalDefinition.ToDisplayString() == "WebhookReceiver.Webhook<T>"
            ? named.TypeArguments[0]
            : null;

    /// <summary>The expression that gives <paramref name="parameter"/> its value, or null to leave the call to reflection.</summary>
    private static string? Bind(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (parameter.RefKind != RefKind.None || parameter.IsParams || !IsAccessible(type)
            || (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null))
            return null;
        if (PayloadOf(type) is not null)
            return "webhook";
        switch (type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString())
        {
            case "System.Threading.CancellationToken": return "cancellationToken";
            case "Microsoft.AspNetCore.Http.HttpContext": return "webhook.HttpContext";
            case "Microsoft.AspNetCore.Http.HttpRequest": return "webhook.HttpContext.Request";
            case "Microsoft.AspNetCore.Http.HttpResponse": return "webhook.HttpContext.Response";
            case "System.Security.Claims.ClaimsPrincipal": return "webhook.HttpContext.User";
        }

        var optional = parameter.HasExplicitDefaultValue || type.NullableAnnotation == NullableAnnotation.Annotated;
        var service = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);
        var fromServices = false;
        foreach (var attribute in parameter.GetAttributes())
        {
            var attributeType = attribute.AttributeClass;
            if (attributeType is null)
                continue;
            if (attributeType.ToDisplayString() == "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute")
            {
                if (attribute.ConstructorArguments.Length != 1 || attribute.NamedArguments.Length != 0
                    || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error || type.IsValueType)
                    return null;
                var key = attribute.ConstructorArguments[0].ToCSharpString();
                return $"{KeyedServices}.{(optional ? "GetKeyedService" : "GetRequiredKeyedService")}<{service}>(webhook.HttpContext.RequestServices, {key})";
            }
            var interfaces = attributeType.AllInterfaces.Select(static i => i.ToDisplayString()).ToList();
            if (interfaces.Contains("Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata"))
                fromServices = true;
            else if (interfaces.Any(RequestMetadata.Contains) || attributeType.ToDisplayString() == "Microsoft.AspNetCore.Http.AsParametersAttribute")
                return null;
        }
        if (!fromServices && !IsServiceType(type))
            return null;
        if (type.IsValueType)
            return null;
        return $"{Services}.{(optional ? "GetService" : "GetRequiredService")}<{service}>(webhook.HttpContext.RequestServices)";
    }

    /// <summary>A class or interface that minimal APIs would not bind from the route, query or body.</summary>
    private static bool IsServiceType(ITypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Interface) || type.SpecialType == SpecialType.System_String
            || RequestBoundTypes.Contains(type.OriginalDefinition.ToDisplayString()))
            return false;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetMembers("TryParse").Any(static m => m.IsStatic) || t.GetMembers("BindAsync").Any(static m => m.IsStatic))
                return false;
        }
        return true;
    }

    /// <summary>Whether generated code in the same assembly can name <paramref name="type"/>.</summary>
    private static bool IsAccessible(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsAccessible(array.ElementType);
            case INamedTypeSymbol named:
                if (named.IsAnonymousType || named.TypeKind == TypeKind.Error || named.IsRefLikeType)
                    return false;
                for (var t = named; t is not null; t = t.ContainingType)
                {
                    if (t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                        return false;
                }
                return named.TypeArguments.All(IsAccessible);
            default:
                return false;
        }
    }

    private static string Render(string kind, string payload, IMethodSymbol handler, string returnKind, List<string> arguments)
    {
        var method = new StringBuilder();
        var (receiver, call) = kind switch
        {
            "MapWebhook" => ("global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, string scheme",
                $"global::{RouteExtensions}.MapWebhook<{payload}>(endpoints, pattern, scheme, "),
            "On" => ($"this global::{ConventionBuilder} builder, string eventType", $"builder.On<{payload}>(eventType, "),
            _ => ($"this global::{ConventionBuilder} builder", $"builder.OnAny<{payload}>("),
        };
        if (kind == "MapWebhook")
            receiver = "this " + receiver;
        method.Append('(').Append(receiver).AppendLine(", global::System.Delegate handler)");
        method.AppendLine("        {");
        method.AppendLine("            global::System.ArgumentNullException.ThrowIfNull(handler);");
        method.Append("            var typed = Cast(handler, ").Append(returnKind == "void" ? "void" : "global::System.Threading.Tasks." + returnKind)
            .Append(" (");
        method.Append(string.Join(", ", handler.Parameters.Select(static (p, i) =>
            $"{p.Type.ToDisplayString(TypeFormat)} p{i}{(p.HasExplicitDefaultValue ? " = default" : "")}")));
        method.AppendLine(") => throw null!);");
        var invoke = $"typed({string.Join(", ", arguments)})";
        var body = returnKind switch
        {
            "Task" => invoke,
            "ValueTask" => invoke + ".AsTask()",
            _ => $"{{ {invoke}; return {Task}.CompletedTask; }}",
        };
        method.Append("            return ").Append(call)
            .Append($"(global::WebhookReceiver.Webhook<{payload}> webhook, global::System.Threading.CancellationToken cancellationToken) => ")
            .Append(body).AppendLine(", null);");
        method.AppendLine("        }");
        return method.ToString();
    }
}
