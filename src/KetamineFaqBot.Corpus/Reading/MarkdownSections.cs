using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KetamineFaqBot.Corpus.Reading;

/// <summary>Cuts a Markdown body into "##" sections of plain text: markup removed, list items as sentences.</summary>
internal static class MarkdownSections
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <param name="body">Markdown after the front matter.</param>
    /// <param name="bodyFirstLine">1-based file line of the body's first line.</param>
    public static IReadOnlyList<MarkdownSection> Split(string body, int bodyFirstLine)
    {
        var document = Markdown.Parse(body, Pipeline);
        var sections = new List<MarkdownSection>();
        string? heading = null;
        var line = bodyFirstLine;
        var parts = new List<string>();

        void Flush()
        {
            var text = string.Join(' ', parts.Where(p => p.Length > 0));
            if (heading is not null || text.Length > 0)
            {
                sections.Add(new MarkdownSection(heading, line, text));
            }

            parts.Clear();
        }

        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } h2)
            {
                Flush();
                heading = InlineText(h2.Inline);
                line = bodyFirstLine + h2.Line;
                continue;
            }

            // A "#" title repeats the front-matter title; it is not passage text.
            if (block is HeadingBlock { Level: 1 })
            {
                continue;
            }

            AppendBlock(block, parts);
        }

        Flush();
        return sections;
    }

    private static void AppendBlock(Block block, List<string> parts)
    {
        switch (block)
        {
            case HeadingBlock heading:
                parts.Add(AsSentence(InlineText(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                parts.Add(Collapse(InlineText(paragraph.Inline)));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var itemParts = new List<string>();
                    foreach (var child in item)
                    {
                        AppendBlock(child, itemParts);
                    }

                    parts.Add(AsSentence(string.Join(' ', itemParts.Where(p => p.Length > 0))));
                }

                break;
            case CodeBlock code:
                parts.Add(Collapse(code.Lines.ToString()));
                break;
            case HtmlBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup:
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(child, parts);
                }

                break;
            default:
                break;
        }
    }

    private static string InlineText(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        AppendInline(container, builder);
        return Collapse(builder.ToString());
    }

    private static void AppendInline(Inline inline, StringBuilder builder)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline:
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(child, builder);
                }

                break;
            default:
                break;
        }
    }

    private static string AsSentence(string text)
    {
        text = Collapse(text);
        if (text.Length == 0 || text[^1] is '.' or '!' or '?' or ':' or ';')
        {
            return text;
        }

        return text + ".";
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
