namespace WebhookReceiver;

/// <summary>Names and defaults of the Okta event hook scheme.</summary>
public static class OktaDefaults
{
    /// <summary>The provider id and default scheme name: <c>okta</c>.</summary>
    public const string ProviderId = "okta";

    /// <summary>The default header carrying the event hook's authentication secret (its "Authentication field"): <c>Authorization</c>.</summary>
    public const string SecretHeader = "Authorization";

    /// <summary>The header of the one-time verification GET, whose value is echoed as <c>{"verification":"…"}</c>.</summary>
    public const string VerificationChallengeHeader = "X-Okta-Verification-Challenge";

    /// <summary>The longest <see cref="VerificationChallengeHeader"/> echoed back: 256 characters.</summary>
    public const int MaxChallengeLength = 256;

    /// <summary>The tolerance: Okta sends no timestamp to check, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
