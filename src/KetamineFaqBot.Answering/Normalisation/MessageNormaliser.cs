using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KetamineFaqBot.Answering.Guardrails;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Answering.Normalisation;

/// <summary>
/// Step 1 of the pipeline: trims, strips Teams &lt;at&gt; mentions and other markup, decodes entities,
/// straightens quotes, collapses whitespace, and checks the length limit.
/// </summary>
public sealed partial class MessageNormaliser : IMessageNormaliser
{
    private readonly int maxLength;

    public MessageNormaliser(IOptions<MessageNormaliserOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        maxLength = options.Value.MaxLength;
    }

    public MessageNormaliser(MessageNormaliserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        maxLength = options.MaxLength;
    }

    public NormalisedMessage Normalise(string? text)
    {
        var clean = Clean(text ?? string.Empty);

        // SAFETY: an over-long message is refused whole; truncating could drop the one sentence that matters.
        var tooLong = clean.Length > maxLength;
        return new NormalisedMessage(clean, MatchText.Fold(clean), tooLong, maxLength);
    }

    private static string Clean(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        // Teams puts the bot's name in <at>…</at>; it is not part of the question.
        var s = AtMention().Replace(text, " ");
        s = Tag().Replace(s, " ");

        // Decode twice at most: Teams sometimes double-encodes (&amp;#39;).
        s = WebUtility.HtmlDecode(WebUtility.HtmlDecode(s));
        s = MarkdownLink().Replace(s, "$1");

        var builder = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u02BC' or '\u00B4' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<at\b[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, 250)]
    private static partial Regex AtMention();

    [GeneratedRegex(@"</?[a-zA-Z][^<>]{0,500}>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, 250)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\[([^\]]{1,500})\]\([^)\s]{1,2000}\)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex MarkdownLink();
}
