namespace KetamineFaqBot.Core.Answering;

/// <summary>Wire names of routes (snake_case), as used by the CLI, evaluation files and provenance.</summary>
public static class RouteNames
{
    public static string ToWire(this Route route) => route switch
    {
        Route.Answer => "answer",
        Route.Referral => "referral",
        Route.Crisis => "crisis",
        Route.Emergency => "emergency",
        Route.Refusal => "refusal",
        Route.OutOfScope => "out_of_scope",
        Route.NoAnswer => "no_answer",
        Route.Smalltalk => "smalltalk",
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    public static bool TryParse(string? wire, out Route route)
    {
        foreach (var candidate in Enum.GetValues<Route>())
        {
            if (string.Equals(candidate.ToWire(), wire, StringComparison.OrdinalIgnoreCase))
            {
                route = candidate;
                return true;
            }
        }

        route = default;
        return false;
    }
}
