using KetamineFaqBot.Bot.Knowledge;
using KetamineFaqBot.Storage;
using Microsoft.AspNetCore.Builder;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>
/// Conversations, the Direct Line log, feedback, content gaps and answer provenance: SQLite under the data folder by
/// default (<c>Storage:Provider</c> = <c>Sqlite</c>), or Redis when several instances serve one bot. Register before
/// the answer pipeline so it picks these stores up instead of its in-memory defaults.
/// </summary>
public static class StorageExtensions
{
    public static WebApplicationBuilder AddBotStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var knowledge = KnowledgeOptions.From(builder.Configuration);
        var paths = KnowledgePaths.Resolve(knowledge, Directory.GetCurrentDirectory());
        builder.Services.AddStorage(builder.Configuration, paths.BaseFolder);
        return builder;
    }
}
