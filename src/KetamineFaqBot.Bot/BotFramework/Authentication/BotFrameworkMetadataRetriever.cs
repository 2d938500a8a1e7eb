using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>
/// Reads the OpenID document and its <c>jwks_uri</c> like IdentityModel's own retriever, but keeps the raw JWKS
/// to map each key id to its <c>endorsements</c> (which IdentityModel does not model).
/// </summary>
internal sealed class BotFrameworkMetadataRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public static BotFrameworkMetadataRetriever Instance { get; } = new();

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        string document = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        var metadata = new BotFrameworkMetadata(document);
        if (string.IsNullOrWhiteSpace(metadata.JwksUri))
        {
            throw new InvalidOperationException("The OpenID configuration has no jwks_uri.");
        }

        string keys = await retriever.GetDocumentAsync(metadata.JwksUri, cancel).ConfigureAwait(false);
        metadata.LoadKeys(keys);
        return metadata;
    }
}
