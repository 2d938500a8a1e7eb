using System.Collections;
using System.Globalization;

namespace KetamineFaqBot.Bot.Logging;

/// <summary>
/// A log entry's state with every value and the formatted text passed through <see cref="LogText.Sanitise"/>. It
/// keeps the structured shape (name/value pairs, the template under <c>{OriginalFormat}</c>) that structured sinks
/// read, so only the text changes.
/// </summary>
internal sealed class SanitisedLogState(KeyValuePair<string, object?>[] values, string text) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";

    public static Func<SanitisedLogState, Exception?, string> Format { get; } = (state, _) => state.ToString();

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    /// <summary>The sanitised copy of <paramref name="state"/>, or null when nothing in it needs sanitising.</summary>
    public static SanitisedLogState? From<TState>(TState state, Func<TState, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            var dirty = false;
            for (var i = 0; i < pairs.Count && !dirty; i++)
            {
                dirty = pairs[i].Key != OriginalFormat && LogText.NeedsSanitising(TextOf(pairs[i].Value));
            }

            if (!dirty)
            {
                return null;
            }

            var clean = new KeyValuePair<string, object?>[pairs.Count];
            for (var i = 0; i < pairs.Count; i++)
            {
                var (key, value) = pairs[i];
                clean[i] = key != OriginalFormat && TextOf(value) is { } text && LogText.NeedsSanitising(text)
                    ? new(key, LogText.Sanitise(text))
                    : pairs[i];
            }

            return new SanitisedLogState(clean, LogText.Sanitise(format(state)));
        }

        var message = format(state);
        return LogText.NeedsSanitising(message) ? new SanitisedLogState([], LogText.Sanitise(message)) : null;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => text;

    /// <summary>A value as a log sink writes it; null for numbers, flags, dates and the like, which carry no text.</summary>
    private static string? TextOf(object? value) => value switch
    {
        null => null,
        string text => text,
        Enum or bool or byte or short or int or long or uint or ulong or float or double or decimal
            or DateTime or DateTimeOffset or TimeSpan or Guid => null,
        IEnumerable items => string.Join(", ", items.Cast<object?>()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
