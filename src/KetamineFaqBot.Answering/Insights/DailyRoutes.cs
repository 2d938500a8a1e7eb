namespace KetamineFaqBot.Answering.Insights;

/// <summary>Replies per route (wire names: answer, crisis, referral, no_answer…) on one UTC day.</summary>
public sealed record DailyRoutes(DateOnly Day, IReadOnlyDictionary<string, long> Counts, long Total);
