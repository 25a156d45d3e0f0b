using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Tests.Providers.Hmac;

public sealed class HmacOptionsTests
{
    public static TheoryData<string, string> Misconfigurations => new()
    {
        { "no-header", "SignatureHeader is required" },
        { "timestamp-without-header", "SignedContent uses {timestamp} but no TimestampHeader is configured" },
        { "timestamp-property-in-template", "(TimestampProperty is inside the body, already signed by {body})" },
        { "id-without-header", "SignedContent uses {id} but no DeliveryIdHeader is configured" },
        { "no-body", "SignedContent must contain {body}" },
        { "two-bodies", "SignedContent must contain {body} exactly once" },
        { "unknown-placeholder", "SignedContent has an unknown placeholder '{ts}'" },
        { "lone-brace", "SignedContent has a lone '}'" },
        { "unsigned-timestamp", "TimestampHeader is set but SignedContent does not contain {timestamp}" },
        { "id-twice", "DeliveryIdHeader and DeliveryIdProperty are both set" },
        { "event-twice", "EventTypeHeader and EventTypeProperty are both set" },
        { "bad-algorithm", "Algorithm must be Sha1, Sha256 or Sha512" },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public void Validate_Misconfiguration_NamesTheProblem(string setup, string expected)
    {
        var options = Valid();
        Apply(options, setup);
        var errors = new List<string>();

        options.Validate(errors);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GenericDefaultsWithHeaderAndSecret_HasNoErrors()
    {
        var errors = new List<string>();

        Valid().Validate(errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void Startup_TemplateUsesTimestampWithoutHeader_FailsNamingSchemeAndProblem()
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddHmac("partner", o =>
        {
            o.Secret = "s";
            o.SignatureHeader = "X-Sig";
            o.SignedContent = "{timestamp}.{body}";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<HmacOptions>>().Get("partner"));

        Assert.Contains("'partner'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SignedContent uses {timestamp} but no TimestampHeader is configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsFormatExceptionWithTheSameMessage()
    {
        var options = Valid();
        options.SignedContent = "{id}.{body}";

        var error = Assert.Throws<FormatException>(() => new HmacScheme("test", options));

        Assert.Contains("SignedContent uses {id} but no DeliveryIdHeader is configured", error.Message, StringComparison.Ordinal);
    }

    private static HmacOptions Valid() => new() { Secret = "s", SignatureHeader = "X-Sig" };

    private static void Apply(HmacOptions o, string setup)
    {
        switch (setup)
        {
            case "no-header": o.SignatureHeader = " "; break;
            case "timestamp-without-header": o.SignedContent = "{timestamp}.{body}"; break;
            case "timestamp-property-in-template": o.SignedContent = "{timestamp}.{body}"; o.TimestampProperty = "ts"; break;
            case "id-without-header": o.SignedContent = "{id}.{body}"; break;
            case "no-body": o.SignedContent = "{id}"; o.DeliveryIdHeader = "X-Id"; break;
            case "two-bodies": o.SignedContent = "{body}{body}"; break;
            case "unknown-placeholder": o.SignedContent = "{ts}.{body}"; break;
            case "lone-brace": o.SignedContent = "a}{body}"; break;
            case "unsigned-timestamp": o.TimestampHeader = "X-Ts"; break;
            case "id-twice": o.DeliveryIdHeader = "X-Id"; o.DeliveryIdProperty = "id"; break;
            case "event-twice": o.EventTypeHeader = "X-Event"; o.EventTypeProperty = "type"; break;
            case "bad-algorithm": o.Algorithm = (WebhookHmacAlgorithm)42; break;
            default: throw new ArgumentOutOfRangeException(nameof(setup));
        }
    }
}
