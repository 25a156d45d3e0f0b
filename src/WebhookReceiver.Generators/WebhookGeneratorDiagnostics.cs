using Microsoft.CodeAnalysis;

namespace WebhookReceiver.Generators;

/// <summary>The diagnostics the webhook generator reports (WHR001…).</summary>
internal static class WebhookGeneratorDiagnostics
{
    private const string Category = "WebhookReceiver";

    /// <summary>WHR001: a [WebhookHandler] class implements no IWebhookHandler&lt;T&gt;.</summary>
    public static readonly DiagnosticDescriptor NoHandlerInterface = new(
        "WHR001", "Webhook handler class implements no IWebhookHandler<T>",
        "Class '{0}' is marked [WebhookHandler] but implements no IWebhookHandler<T>; implement it once or remove the attribute",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A [WebhookHandler] class must implement IWebhookHandler<T> for the payload type it handles.");

    /// <summary>WHR002: a [WebhookHandler] class is abstract or an open generic type.</summary>
    public static readonly DiagnosticDescriptor NotInstantiable = new(
        "WHR002", "Webhook handler class cannot be instantiated",
        "Class '{0}' is marked [WebhookHandler] but is {1}; a handler class must be concrete and non-generic",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The handler is created from the request's services for every delivery, so it cannot be abstract or an open generic type.");

    /// <summary>WHR003: two classes handle one scheme and event type.</summary>
    public static readonly DiagnosticDescriptor DuplicateHandler = new(
        "WHR003", "Two webhook handler classes for one scheme and event type",
        "Classes '{0}' and '{1}' both handle event type '{2}' of scheme '{3}'; keep one",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Each event type of a scheme is dispatched to one handler; a second class for it is a mistake.");

    /// <summary>WHR004: [FromBody] on a parameter of a [VerifyWebhook] action.</summary>
    public static readonly DiagnosticDescriptor FromBodyOnVerifiedAction = new(
        "WHR004", "[FromBody] on a [VerifyWebhook] action",
        "Parameter '{0}' of [VerifyWebhook] action '{1}' is [FromBody]: MVC would read the body before it is verified; take Webhook<T> instead",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The body of a webhook is read and verified once by the filter; bind the payload as Webhook<T>, never with [FromBody].");

    /// <summary>WHR005: a [WebhookHandler] class implements IWebhookHandler&lt;T&gt; more than once.</summary>
    public static readonly DiagnosticDescriptor SeveralHandlerInterfaces = new(
        "WHR005", "Webhook handler class implements IWebhookHandler<T> more than once",
        "Class '{0}' implements IWebhookHandler<T> {1} times; split it into one class per payload type",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A handler class names one payload type; the registration cannot tell which one an event type wants.");

    /// <summary>WHR006: a delegate webhook handler that no binding can call (return type, number of Webhook&lt;T&gt;).</summary>
    public static readonly DiagnosticDescriptor UnbindableDelegateHandler = new(
        "WHR006", "Delegate webhook handler cannot be bound",
        "This webhook handler {0}; it is not bound at compile time and MapWebhook/On/OnAny throws at start-up",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A delegate webhook handler takes exactly one Webhook<T> and returns void, Task or ValueTask; any other handler is refused when the endpoint is mapped.");
}
