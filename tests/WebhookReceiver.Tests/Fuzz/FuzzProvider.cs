using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using NSec.Cryptography;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Tests.Fuzz;

/// <summary>
/// One scheme of the fuzz server: a provider of <see cref="WebhookProviders.All"/> at its own path with known key
/// material, and how to write a realistic body for it (with the <see cref="Canary"/> in a field that is neither an id nor
/// an event type, so that it is never a value the library may log).
/// </summary>
internal sealed class FuzzProvider
{
    public const string Canary = "CANARY-7f3a";

    /// <summary>A body holding this marker makes the handler throw (a provoked 500).</summary>
    public const string BoomMarker = "FUZZ-BOOM";

    /// <summary>The public base URL of URL-signing schemes (Twilio, Square, HubSpot) and the URL others are signed for.</summary>
    public const string PublicBaseUrl = "https://hooks.example.test";

    private readonly WebhookScheme _signer;

    private FuzzProvider(WebhookProvider provider, string name, string signingSecret, string verifyingSecret, Dictionary<string, string?> settings)
    {
        Provider = provider;
        Name = name;
        SigningSecret = signingSecret;
        VerifyingSecret = verifyingSecret;
        Settings = settings;
        _signer = provider.CreateScheme(signingSecret, settings, name);
        SignsBody = Infrastructure.ProviderTestSecrets.SignsBody(_signer);
        Verifier = provider.CreateScheme(verifyingSecret, settings, name);
        SignatureHeaders = FindSignatureHeaders();
    }

    public WebhookProvider Provider { get; }

    /// <summary>The scheme name, also the last path segment.</summary>
    public string Name { get; }

    public string Path => "/webhooks/" + Name;

    public string SigningSecret { get; }

    public string VerifyingSecret { get; }

    /// <summary>Option values besides the secret (keys as in <c>Webhooks:Schemes:{name}</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Whether the signature covers the body (GitLab's plain token does not: any body with the token is authentic).</summary>
    public bool SignsBody { get; }

    /// <summary>The headers whose value depends on the body (the signature), or that carry the secret itself (GitLab's token).</summary>
    public IReadOnlySet<string> SignatureHeaders { get; }

    /// <summary>A scheme with the receiver's key material.</summary>
    public WebhookScheme Verifier { get; }

    public bool IsForm => Provider.Id == "twilio";

    public string ContentType => IsForm ? "application/x-www-form-urlencoded" : "application/json";

    /// <summary>The event type of schemes that carry it in a header (GitHub, Shopify, Bitbucket, GitLab), else null.</summary>
    public string? HeaderEventType => Provider.Id switch
    {
        "github" => "push",
        "shopify" => "orders/create",
        "woocommerce" => "order.created",
        "bitbucket" => "repo:push",
        "gitlab" => "Push Hook",
        _ => null,
    };

    /// <summary>Every scheme of the fuzz server: each built-in provider, plus Standard Webhooks with an Ed25519 key.</summary>
    public static IReadOnlyList<FuzzProvider> CreateAll(Random random)
    {
        var all = new List<FuzzProvider>();
        foreach (var provider in WebhookProviders.All)
        {
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in Infrastructure.ProviderTestSecrets.SettingPairs(provider))
                settings[name] = value;
            if (provider.Id is "twilio" or "square" or "hubspot")
                settings["PublicBaseUrl"] = PublicBaseUrl;
            if (provider.Id == "meta")
                settings["VerifyToken"] = "fuzz-verify-token-" + Hex(random, 8);
            var (signing, verifying) = KeysFor(provider, random);
            all.Add(new FuzzProvider(provider, provider.Id, signing, verifying, settings));
        }
        var seed = Bytes(random, 32);
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        all.Add(new FuzzProvider(StandardWebhooksScheme.Provider, "standard-webhooks-ed25519",
            "whsk_" + Convert.ToBase64String(seed), "whpk_" + Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), []));
        return all;
    }

    private static (string Signing, string Verifying) KeysFor(WebhookProvider provider, Random random)
    {
        switch (provider.Id)
        {
            case "discord":
            {
                var seed = Bytes(random, 32);
                using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey,
                    new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
                var publicKey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
                return (Convert.ToHexStringLower(seed) + publicKey, publicKey);
            }
            case "sendgrid":
            {
                // ECDSA signatures are randomized anyway; the key is fresh, the cases and counts are not.
                using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                return (Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
            }
            case "teams":
            {
                // Teams' security token is base64 key bytes.
                var token = Convert.ToBase64String(Bytes(random, 32));
                return (token, token);
            }
            case "postmark":
            {
                // Basic credentials, written username:password.
                var credentials = "fuzz:" + Hex(random, 16);
                return (credentials, credentials);
            }
            case "adyen":
            {
                var hex = Convert.ToHexString(Bytes(random, 32));
                return (hex, hex);
            }
            default:
            {
                var secret = "whsec_" + Convert.ToBase64String(Bytes(random, 32));
                return (secret, secret);
            }
        }
    }

    /// <summary>Binds <see cref="Settings"/> onto the receiver's options.</summary>
    public void Configure(WebhookSchemeOptions options)
    {
        Provider.Bind(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build(), options);
        options.Secret = VerifyingSecret;
    }

    /// <summary>The absolute URL the provider signs (URL-signing schemes) for <paramref name="pathAndQuery"/>.</summary>
    public static string SignedUrl(string pathAndQuery) => PublicBaseUrl + pathAndQuery;

    /// <summary>A realistic body for delivery number <paramref name="n"/>; <paramref name="note"/> goes in a free-text field.</summary>
    public string Body(int n, string note = Canary)
    {
        var i = n.ToString(CultureInfo.InvariantCulture);
        if (IsForm)
            return $"CallSid=CA{i}&From=%2B14158675309&To=%2B18005551212&Body={Uri.EscapeDataString(note)}&note={Uri.EscapeDataString(note)}";
        var template = Provider.Id switch
        {
            "standard-webhooks" => """{"type":"fuzz.event","data":{"n":#N,"note":#Q}}""",
            "github" => """{"action":"opened","number":#N,"note":#Q}""",
            "stripe" => """{"id":"evt_fuzz_#N","object":"event","type":"fuzz.event","data":{"object":{"note":#Q}}}""",
            "slack" => """{"type":"event_callback","team_id":"T1","event_id":"EvFUZZ#N","event":{"type":"app_mention","text":#Q}}""",
            "shopify" => """{"id":#N,"total_price":"12.50","note":#Q}""",
            "paddle" => """{"event_id":"evt_#N","event_type":"transaction.completed","notification_id":"ntf_fuzz_#N","data":{"note":#Q}}""",
            "twitch" => """{"subscription":{"id":"sub-1","type":"channel.follow","version":"2"},"event":{"user_id":"#N","note":#Q}}""",
            "zoom" => """{"event":"meeting.started","event_ts":#N,"payload":{"account_id":"A1","note":#Q}}""",
            "linear" => """{"action":"create","type":"Issue","data":{"id":"#N","note":#Q}}""",
            "calendly" => """{"event":"invitee.created","payload":{"n":#N,"note":#Q}}""",
            "intercom" => """{"type":"notification_event","id":"notif_#N","topic":"conversation.user.created","data":{"note":#Q}}""",
            "typeform" => """{"event_id":"ev#N","event_type":"form_response","form_response":{"note":#Q}}""",
            "vercel" => """{"id":"uev_#N","type":"deployment.created","payload":{"note":#Q}}""",
            "gitlab" => """{"object_kind":"push","n":#N,"note":#Q}""",
            "meta" => """{"object":"page","entry":[{"id":"#N","changes":[{"field":"feed","value":{"note":#Q}}]}]}""",
            "bitbucket" => """{"push":{"changes":[]},"n":#N,"note":#Q}""",
            "square" => """{"merchant_id":"M1","type":"payment.created","event_id":"evt_#N","data":{"note":#Q}}""",
            "hubspot" => """[{"eventId":#N,"subscriptionType":"contact.creation","objectId":1,"note":#Q},{"eventId":#N000,"subscriptionType":"contact.deletion","objectId":2,"note":"second"}]""",
            "discord" => """{"id":"1100#N","application_id":"42","type":2,"data":{"name":"fuzz","note":#Q}}""",
            "sendgrid" => """[{"email":"a@example.com","event":"delivered","sg_event_id":"sg-#N","note":#Q},{"email":"b@example.com","event":"open","sg_event_id":"sg-#N-2","note":"second"}]""",
            "mailgun" => """{"event-data":{"event":"delivered","id":"mg#N","note":#Q}}""",
            "hmac" => """{"id":"h#N","type":"fuzz.event","note":#Q}""",
            "dropbox" => """{"list_folder":{"accounts":["dbid:#N"]},"delta":{"users":[#N]},"note":#Q}""",
            "zendesk" => """{"type":"zen:event-type:ticket.created","id":"zd-#N","detail":{"id":"#N","note":#Q}}""",
            "pagerduty" => """{"event":{"id":"pd#N","event_type":"incident.triggered","data":{"note":#Q}}}""",
            "mux" => """{"id":"mux-#N","type":"video.asset.ready","data":{"id":"asset#N","note":#Q}}""",
            "teams" => """{"type":"message","id":"14859#N","channelId":"msteams","from":{"id":"29:1"},"text":#Q}""",
            "eventgrid" => """[{"id":"eg-#N","topic":"/subscriptions/1","subject":"/blobs/#N","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-12-03T06:00:00Z","data":{"note":#Q},"dataVersion":"","metadataVersion":"1"},{"specversion":"1.0","type":"Contoso.Orders.OrderPlaced","source":"/contoso","id":"ce-#N","data":{"n":#N}}]""",
            "msgraph" => """{"value":[{"id":"g#N","subscriptionId":"sub-1","changeType":"created","resource":"Users/1/Messages/#N","resourceData":{"id":"m#N","note":#Q},"tenantId":"t-1"},{"subscriptionId":"sub-1","lifecycleEvent":"missed","resource":"Users/1/Messages","tenantId":"t-1"}]}""",
            "box" => """{"type":"webhook_event","id":"box-#N","trigger":"FILE.UPLOADED","source":{"id":"#N","type":"file","name":#Q}}""",
            "docusign" => """{"event":"envelope-completed","apiVersion":"v2.1","retryCount":0,"configurationId":10418,"generatedDateTime":"2024-05-01T12:00:00Z","data":{"accountId":"a1","envelopeId":"env-#N","note":#Q}}""",
            "adyen" => """{"live":"false","notificationItems":[{"NotificationRequestItem":{"pspReference":"psp#N","merchantAccountCode":"FuzzMerchant","merchantReference":"order-#N","amount":{"value":1000,"currency":"EUR"},"eventCode":"AUTHORISATION","success":"true","reason":#Q}}]}""",
            "asana" => """{"events":[{"user":{"gid":"#N","resource_type":"user"},"created_at":"2026-11-27T12:00:00.000Z","action":"changed","resource":{"gid":"#N","resource_type":"task","name":#Q},"parent":null}]}""",
            "intuit" => """[{"specversion":"1.0","id":"qbo-#N","type":"qbo.customer.created.v1","intuitentityid":"#N","intuitaccountid":"310687","data":{"note":#Q}}]""",
            "notion" => """{"id":"ntn-#N","timestamp":"2026-11-27T12:00:00.000Z","type":"page.created","entity":{"id":"page#N","type":"page"},"data":{"note":#Q}}""",
            "sentry" => """{"action":"created","actor":{"id":"sentry","name":"Sentry","type":"application"},"data":{"issue":{"id":"#N","title":#Q}},"installation":{"uuid":"a8e5d37a-696c-4c54-adb5-b3f28d64c7de"}}""",
            "postmark" => """{"RecordType":"Bounce","MessageStream":"outbound","ID":#N,"Type":"HardBounce","TypeCode":1,"MessageID":"883953f4-6105-42a2-a16a-#N","Email":"john@example.com","BouncedAt":"2026-11-27T12:00:00Z","Description":#Q}""",
            "okta" => """{"eventType":"com.okta.event_hook","eventTypeVersion":"1.0","eventId":"okta-#N","data":{"events":[{"uuid":"uuid-#N","published":"2026-11-27T12:00:00.000Z","eventType":"user.lifecycle.create","displayMessage":#Q},{"uuid":"uuid-#N-2","eventType":"user.lifecycle.activate","displayMessage":"second"}]},"eventTime":"2026-11-27T12:00:00.000Z"}""",
            "trello" => """{"action":{"id":"5f2b#N","idMemberCreator":"5e1a","type":"updateCard","date":"2026-11-27T12:00:00.000Z","data":{"card":{"id":"c#N","name":#Q}}},"model":{"id":"b1","name":"Board"},"webhook":{"id":"w1","idModel":"b1","active":true}}""",
            "xero" => """{"events":[{"resourceUrl":"https://api.xero.com/api.xro/2.0/Invoices/inv-#N","resourceId":"inv-#N","eventDateUtc":"2026-11-27T12:00:00.000","eventType":"UPDATE","eventCategory":"INVOICE","tenantId":"c2cc9b6e-9458-4c7d-93cc-f02b81b0594f","tenantType":"ORGANISATION","note":#Q}],"lastEventSequence":#N,"firstEventSequence":#N,"entropy":"fuzz#N"}""",
            "woocommerce" => """{"id":#N,"parent_id":0,"status":"processing","currency":"USD","total":"29.35","billing":{"first_name":"John","email":"john@example.com"},"customer_note":#Q}""",
            "segment" => """{"anonymousId":"anon-#N","event":"Order Completed","messageId":"ajs-fuzz-#N","properties":{"order_id":"#N","note":#Q},"timestamp":"2026-11-27T12:00:00.000Z","sentAt":"2026-11-27T12:00:00.100Z","type":"track","userId":"u#N"}""",
            _ => throw new InvalidOperationException($"No fuzz body for provider '{Provider.Id}': add one (every provider of WebhookProviders.All is fuzzed)."),
        };
        return template.Replace("#N", i, StringComparison.Ordinal).Replace("#Q", '"' + note + '"', StringComparison.Ordinal);
    }

    /// <summary>Signs <paramref name="body"/> as the provider would; null when the provider's signer refuses it (e.g. not JSON where it must be).</summary>
    public WebhookSignedRequest? TrySign(byte[] body, int n, DateTimeOffset timestamp, string? pathAndQuery = null)
    {
        try
        {
            return _signer.Sign(new WebhookSigningRequest
            {
                Body = body,
                Id = $"fuzz-{Name}-{n}",
                Timestamp = timestamp,
                Url = SignedUrl(pathAndQuery ?? Path),
                EventType = HeaderEventType,
            });
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public WebhookSignedRequest Sign(string body, int n, DateTimeOffset timestamp)
        => TrySign(Encoding.UTF8.GetBytes(body), n, timestamp)
           ?? throw new InvalidOperationException($"The {Name} signer refused its own fuzz body.");

    public override string ToString() => Name;

    private HashSet<string> FindSignatureHeaders()
    {
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        var a = Sign(Body(0), 0, at);
        var b = Sign(Body(0, "other"), 0, at);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in a.Headers)
        {
            if (value == SigningSecret || b.Headers.FirstOrDefault(h => h.Key == name).Value != value)
                names.Add(name);
        }
        return names;
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Hex(Random random, int count) => Convert.ToHexStringLower(Bytes(random, count));
}
