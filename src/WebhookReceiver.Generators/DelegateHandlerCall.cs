using Microsoft.CodeAnalysis;

namespace WebhookReceiver.Generators;

/// <summary>One call of a Delegate overload of MapWebhook/On/OnAny (equatable, for incremental caching).</summary>
/// <param name="Attribute">The <c>[InterceptsLocation]</c> attribute, or null when the call is not intercepted.</param>
/// <param name="Method">The interceptor's signature and body after its name (from the opening parenthesis), or null.</param>
/// <param name="Problem">Why the handler cannot be bound at all (WHR006's message argument), or null.</param>
/// <param name="Location">Where to report <paramref name="Problem"/>: the call in its syntax tree, so <c>#pragma warning disable</c> applies.</param>
internal sealed record DelegateHandlerCall(string? Attribute, string? Method, string? Problem, Location? Location)
{
    /// <summary>Gets whether the generator intercepts the call.</summary>
    public bool IsIntercepted => Attribute is not null && Method is not null;
}
