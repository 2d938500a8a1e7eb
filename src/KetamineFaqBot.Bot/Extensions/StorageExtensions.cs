using KetamineFaqBot.Bot.Hosting;
using KetamineFaqBot.Bot.Knowledge;
using KetamineFaqBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>
/// Conversations, the Direct Line log, feedback, content gaps and answer provenance: SQLite under the data folder by
/// default (<c>Storage:Provider</c> = <c>Sqlite</c>), or Redis when several instances serve one bot. Register before
/// the answer pipeline so it picks these stores up instead of its in-memory defaults. The Data Protection key ring
/// lives with the store (<see cref="KeyRingLocation"/>). A request that needs the store while it is away gets 503
/// with Retry-After (<see cref="StoreUnavailableExceptionHandler"/>).
/// </summary>
public static class StorageExtensions
{
    public static WebApplicationBuilder AddBotStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var knowledge = KnowledgeOptions.From(builder.Configuration);
        var paths = KnowledgePaths.Resolve(knowledge, Directory.GetCurrentDirectory());
        builder.Services.AddStorage(builder.Configuration, paths.BaseFolder);
        builder.Services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        builder.Services.AddDataProtection().SetApplicationName(KeyRingLocation.ApplicationName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KeyManagementOptions>, KeyRingLocation>());
        return builder;
    }
}
