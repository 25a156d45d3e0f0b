namespace WebhookReceiver;

/// <summary>Names and defaults of the Microsoft Graph change-notification scheme.</summary>
public static class MicrosoftGraphDefaults
{
    /// <summary>The provider id and default scheme name: <c>msgraph</c>.</summary>
    public const string ProviderId = "msgraph";

    /// <summary>The query parameter of the validation request Graph posts when a subscription is created or renewed.</summary>
    public const string ValidationTokenParameter = "validationToken";

    /// <summary>The property of every notification that must equal the configured secret.</summary>
    public const string ClientStateProperty = "clientState";

    /// <summary>The longest validation token echoed: 1024 characters.</summary>
    public const int MaxValidationTokenLength = 1024;

    /// <summary>The event type of the lifecycle notification sent before a subscription's access token expires.</summary>
    public const string ReauthorizationRequired = "reauthorizationRequired";

    /// <summary>The event type of the lifecycle notification sent when Graph removed a subscription.</summary>
    public const string SubscriptionRemoved = "subscriptionRemoved";

    /// <summary>The event type of the lifecycle notification sent when Graph could not deliver some notifications.</summary>
    public const string Missed = "missed";
}
