using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

/// <summary>Signs test JWTs the way Azure Bot Service and Entra ID shape them.</summary>
internal static class TestTokens
{
    public const string AppId = "7b3a2e1c-0d4f-4a5b-9c8d-112233445566";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string EmulatorV1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorV2Issuer = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0";

    private static readonly JsonWebTokenHandler Handler = new();

    public static string Channel(
        SigningCredentials? credentials,
        string issuer = ChannelIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTime? expires = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Create(credentials, issuer, audience, claims, expires);
    }

    public static string Emulator(SigningCredentials credentials, string issuer, Dictionary<string, object> claims) =>
        Create(credentials, issuer, "https://api.botframework.com", claims, expires: null);

    public static string Bearer(string token) => "Bearer " + token;

    private static string Create(SigningCredentials? credentials, string issuer, string audience, Dictionary<string, object> claims, DateTime? expires)
    {
        DateTime exp = expires ?? DateTime.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddHours(-2),
            NotBefore = exp.AddHours(-2),
            Expires = exp,
            SigningCredentials = credentials,
        };
        return Handler.CreateToken(descriptor);
    }
}
