using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>Refuses inbox settings that cannot work, at start-up.</summary>
internal sealed class WebhookInboxOptionsValidator : IValidateOptions<WebhookInboxOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookInboxOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts < 1)
            failures.Add($"{WebhookInboxOptions.Section}:MaxAttempts must be at least 1.");
        if (options.RetryDelay < TimeSpan.Zero)
            failures.Add($"{WebhookInboxOptions.Section}:RetryDelay must not be negative.");
        if (options.MaxRetryDelay < options.RetryDelay)
            failures.Add($"{WebhookInboxOptions.Section}:MaxRetryDelay must be at least RetryDelay.");
        if (options.Lease <= TimeSpan.Zero)
            failures.Add($"{WebhookInboxOptions.Section}:Lease must be positive.");
        if (options.Concurrency < 1)
            failures.Add($"{WebhookInboxOptions.Section}:Concurrency must be at least 1.");
        if (options.Retention <= TimeSpan.Zero)
            failures.Add($"{WebhookInboxOptions.Section}:Retention must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
