using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>
/// OpenID configuration plus the per-key <c>endorsements</c> read from the raw JWKS, fetched together so the
/// keys and their endorsements always come from the same snapshot.
/// </summary>
internal sealed class BotFrameworkMetadata : OpenIdConnectConfiguration
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> NoEndorsements =
        FrozenDictionary<string, FrozenSet<string>>.Empty;

    public BotFrameworkMetadata(string openIdConfigurationJson)
        : base(openIdConfigurationJson)
    {
    }

    /// <summary>kid → endorsements; a key absent here has no endorsements.</summary>
    public FrozenDictionary<string, FrozenSet<string>> Endorsements { get; private set; } = NoEndorsements;

    /// <summary>Key ids of the signing keys, for the unknown-kid refresh decision.</summary>
    public FrozenSet<string> KeyIds { get; private set; } = FrozenSet<string>.Empty;

    public void LoadKeys(string jwksJson)
    {
        JsonWebKeySet = new JsonWebKeySet(jwksJson);
        foreach (SecurityKey key in JsonWebKeySet.GetSigningKeys())
        {
            SigningKeys.Add(key);
        }

        KeyIds = SigningKeys.Where(k => !string.IsNullOrEmpty(k.KeyId)).Select(k => k.KeyId).ToFrozenSet(StringComparer.Ordinal);
        Endorsements = ReadEndorsements(jwksJson);
    }

    private static FrozenDictionary<string, FrozenSet<string>> ReadEndorsements(string jwksJson)
    {
        using JsonDocument document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out JsonElement keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return NoEndorsements;
        }

        var map = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (JsonElement key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out JsonElement kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out JsonElement endorsements) || endorsements.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            FrozenSet<string> values = endorsements.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToFrozenSet(StringComparer.Ordinal);
            if (values.Count > 0)
            {
                map[kid.GetString()!] = values;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
