using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WebhookReceiver.Internal;

/// <summary>Binds an MVC action's <see cref="Webhook{T}"/> parameter to the delivery verified by <see cref="VerifyWebhookAttribute"/>.</summary>
internal sealed class WebhookModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var webhook = bindingContext.HttpContext.Features.Get<WebhookFeature>()?.Webhook;
        if (webhook is not null && bindingContext.ModelType.IsInstanceOfType(webhook))
            bindingContext.Result = ModelBindingResult.Success(webhook);
        return Task.CompletedTask;
    }
}
