namespace KetamineFaqBot.Core.Records;

/// <summary>How many replies took one route on one UTC day.</summary>
public sealed record RouteCount(DateOnly Day, string Route, long Count);
