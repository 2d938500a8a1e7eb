using KetamineFaqBot.Bot.BotFramework.Authentication.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Cached OpenID metadata (keys + endorsements) for one metadata URL, with a throttled forced refresh.</summary>
internal sealed class OpenIdMetadataSource : IDisposable
{
    /// <summary>Minimum time between two forced refreshes, as IdentityModel's own RefreshInterval.</summary>
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly Uri _address;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private DateTimeOffset? _lastForcedRefresh;

    public OpenIdMetadataSource(Uri address, HttpClient httpClient, TimeProvider timeProvider, ILogger logger)
    {
        _address = address;
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = logger;
        _manager = CreateManager();
    }

    public async Task<BotFrameworkMetadata?> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (BotFrameworkMetadata)await Volatile.Read(ref _manager).GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            AuthenticationLog.MetadataUnavailable(_logger, _address, ex);
            return null;
        }
    }

    /// <summary>
    /// Fetches fresh metadata now and returns it (or the current metadata if a refresh ran within
    /// <see cref="ForcedRefreshInterval"/> or the fetch failed).
    /// </summary>
    /// <remarks>
    /// PROTOCOL: the SDK calls ConfigurationManager.RequestRefresh and retries. In IdentityModel 8.x RequestRefresh
    /// only starts a background fetch, so the retry would still see the old keys; a new manager's first fetch is
    /// awaited instead, and it replaces the old manager only when it succeeds.
    /// </remarks>
    public async Task<BotFrameworkMetadata?> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            // SAFETY: a stream of tokens with made-up key ids must not turn into a stream of metadata fetches.
            if (_lastForcedRefresh is { } last && now - last < ForcedRefreshInterval)
            {
                return await GetAsync(cancellationToken).ConfigureAwait(false);
            }

            _lastForcedRefresh = now;
            AuthenticationLog.MetadataRefreshForUnknownKey(_logger, _address);
            ConfigurationManager<OpenIdConnectConfiguration> fresh = CreateManager();
            try
            {
                var metadata = (BotFrameworkMetadata)await fresh.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _manager, fresh);
                return metadata;
            }
            catch (InvalidOperationException ex)
            {
                AuthenticationLog.MetadataRefreshFailed(_logger, _address, ex);
                return await GetAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager()
    {
        var documents = new HttpDocumentRetriever(_httpClient)
        {
            // SAFETY: plain http only for a loopback metadata server (tests); options validation enforces the same.
            RequireHttps = !_address.IsLoopback,
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(_address.AbsoluteUri, BotFrameworkMetadataRetriever.Instance, documents);
    }
}
