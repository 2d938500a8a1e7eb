using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

/// <summary>An RSA signing key with a key id and the endorsements the JWKS publishes for it.</summary>
internal sealed class TestSigningKey
{
    // RSA generation dominates test time on a busy 2-core machine; a few shared key pairs are enough because
    // tests that need a distinct key pair pick a different slot.
    private static readonly Lazy<RSA>[] Pool = [.. Enumerable.Range(0, 4).Select(_ => new Lazy<RSA>(() => RSA.Create(2048)))];

    private readonly RSA _rsa;

    public TestSigningKey(string kid, params string[] endorsements)
        : this(0, kid, endorsements)
    {
    }

    public TestSigningKey(int poolSlot, string kid, params string[] endorsements)
    {
        _rsa = Pool[poolSlot].Value;
        Kid = kid;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(SecurityKey, algorithm);

    /// <summary>The public JWK as Azure Bot Service publishes it, including the endorsements array.</summary>
    public Dictionary<string, object> ToJwk()
    {
        RSAParameters parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }
}
