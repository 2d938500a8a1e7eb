using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Hosting;
using KetamineFaqBot.Storage.Redis;
using KetamineFaqBot.Storage.Resilience;
using KetamineFaqBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every store for the configured <see cref="StorageOptions.Provider"/>: conversations, the Direct
    /// Line activity log, feedback, content gaps, answer records, readiness/retention, and the start-up check.
    /// Record writes go through <see cref="HeldWrites"/> and conversation state through
    /// <see cref="FaultTolerantConversationStore"/>, so a store outage never fails a turn; a Direct Line turn's
    /// replies, state and record go through <see cref="ITurnWriter"/> as one write (its failure is the reply's).
    /// </summary>
    /// <param name="baseFolder">Relative SQLite paths are resolved against this folder.</param>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, string baseFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        var provider = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;
        if (provider == StorageProvider.Redis)
        {
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<IStoreMaintenance, RedisMaintenance>();
            services.AddSingleton<RedisActivityLog>();
            services.AddSingleton<IActivityLog>(sp => sp.GetRequiredService<RedisActivityLog>());
            services.AddSingleton<RedisTurnWriter>();
            services.AddSingleton<RedisConversationStore>();
            services.AddSingleton<RedisFeedbackStore>();
            services.AddSingleton<RedisContentGapStore>();
            services.AddSingleton<RedisAnswerRecordStore>();
            AddResilientStores<RedisConversationStore, RedisFeedbackStore, RedisContentGapStore, RedisAnswerRecordStore, RedisTurnWriter>(services);
        }
        else
        {
            services.AddSingleton(sp =>
            {
                var settings = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                return new SqliteDatabase(settings.ConnectionString, baseFolder, settings.BusyTimeoutSeconds, sp.GetRequiredService<ILogger<SqliteDatabase>>());
            });
            services.AddSingleton<IStoreMaintenance, SqliteMaintenance>();
            services.AddSingleton<SqliteActivityLog>();
            services.AddSingleton<IActivityLog>(sp => sp.GetRequiredService<SqliteActivityLog>());
            services.AddSingleton<SqliteTurnWriter>();
            services.AddSingleton<SqliteConversationStore>();
            services.AddSingleton<SqliteFeedbackStore>();
            services.AddSingleton<SqliteContentGapStore>();
            services.AddSingleton<SqliteAnswerRecordStore>();
            AddResilientStores<SqliteConversationStore, SqliteFeedbackStore, SqliteContentGapStore, SqliteAnswerRecordStore, SqliteTurnWriter>(services);
        }

        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddHostedService<HeldWritesFlusher>();
        return services;
    }

    private static void AddResilientStores<TConversations, TFeedback, TGaps, TAnswers, TTurns>(IServiceCollection services)
        where TConversations : class, IConversationStore
        where TFeedback : class, IFeedbackStore
        where TGaps : class, IContentGapStore
        where TAnswers : class, IAnswerRecordStore
        where TTurns : class, ITurnWriter
    {
        services.TryAddSingleton<HeldWrites>();
        services.AddSingleton(sp => new FaultTolerantConversationStore(
            sp.GetRequiredService<TConversations>(), sp.GetRequiredService<IOptions<StorageOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FaultTolerantConversationStore>>()));
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<FaultTolerantConversationStore>());
        services.AddSingleton<ITurnWriter>(sp => new ResilientTurnWriter(
            sp.GetRequiredService<TTurns>(), sp.GetRequiredService<FaultTolerantConversationStore>(), sp.GetRequiredService<ILogger<ResilientTurnWriter>>()));
        services.AddSingleton<IFeedbackStore>(sp => new HeldFeedbackStore(sp.GetRequiredService<TFeedback>(), sp.GetRequiredService<HeldWrites>()));
        services.AddSingleton<IContentGapStore>(sp => new HeldContentGapStore(sp.GetRequiredService<TGaps>(), sp.GetRequiredService<HeldWrites>()));
        services.AddSingleton<IContentGapRecorder>(sp => sp.GetRequiredService<IContentGapStore>());
        services.AddSingleton<IAnswerRecordStore>(sp => new HeldAnswerRecordStore(sp.GetRequiredService<TAnswers>(), sp.GetRequiredService<HeldWrites>()));
    }
}
