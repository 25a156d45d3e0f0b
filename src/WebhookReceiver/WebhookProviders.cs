namespace WebhookReceiver;

/// <summary>The catalog of built-in providers, by id. One line per provider.</summary>
public static class WebhookProviders
{
    /// <summary>Gets every built-in provider, in the order of the README's table.</summary>
    public static IReadOnlyList<WebhookProvider> All { get; } =
    [
        StandardWebhooksScheme.Provider,
        GitHubScheme.Provider,
        StripeScheme.Provider,
        SlackScheme.Provider,
        ShopifyScheme.Provider,
        PaddleScheme.Provider,
        TwitchScheme.Provider,
        ZoomScheme.Provider,
        LinearScheme.Provider,
        CalendlyScheme.Provider,
        IntercomScheme.Provider,
        TypeformScheme.Provider,
        VercelScheme.Provider,
        GitLabScheme.Provider,
        MetaScheme.Provider,
        BitbucketScheme.Provider,
        TwilioScheme.Provider,
        SquareScheme.Provider,
        HubSpotScheme.Provider,
        DiscordScheme.Provider,
        SendGridScheme.Provider,
        MailgunScheme.Provider,
        HmacScheme.Provider,
        DropboxScheme.Provider,
        ZendeskScheme.Provider,
        PagerDutyScheme.Provider,
        MuxScheme.Provider,
        TeamsScheme.Provider,
        MicrosoftGraphScheme.Provider,
        EventGridScheme.Provider,
        BoxScheme.Provider,
        DocuSignScheme.Provider,
        AdyenScheme.Provider,
        AsanaScheme.Provider,
        IntuitScheme.Provider,
        NotionScheme.Provider,
        SentryScheme.Provider,
        PostmarkScheme.Provider,
        OktaScheme.Provider,
        TrelloScheme.Provider,
        XeroScheme.Provider,
        WooCommerceScheme.Provider,
        SegmentScheme.Provider,
    ];

    /// <summary>Gets the provider with id <paramref name="id"/> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="id">The provider id, e.g. <c>github</c>.</param>
    public static WebhookProvider? Find(string id)
    {
        foreach (var provider in All)
        {
            if (string.Equals(provider.Id, id, StringComparison.OrdinalIgnoreCase))
                return provider;
        }
        return null;
    }
}
