using KetamineFaqBot.Corpus.Linting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KetamineFaqBot.Corpus.Reading;

/// <summary>Reads front matter through YamlDotNet's representation model so every finding can name its line.</summary>
internal static class FrontMatterParser
{
    public static FrontMatter? Parse(string yaml, int firstLine, string file, List<LintFinding> findings)
    {
        // Mark.Line is 1-based within the YAML text; the YAML starts at file line firstLine.
        int FileLine(Mark mark) => (int)mark.Line + firstLine - 1;

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(yaml);
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                findings.Add(new LintFinding(file, firstLine, LintSeverity.Error, LintRules.FrontMatterInvalid,
                    "front matter must be a YAML mapping of fields (name: value)."));
                return null;
            }

            root = mapping;
        }
        catch (YamlException ex)
        {
            findings.Add(new LintFinding(file, FileLine(ex.Start), LintSeverity.Error, LintRules.FrontMatterInvalid,
                $"front matter is not valid YAML: {ex.Message}"));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these (without a position) on some malformed input, e.g. an unclosed "[".
            findings.Add(new LintFinding(file, firstLine, LintSeverity.Error, LintRules.FrontMatterInvalid,
                "front matter is not valid YAML; check brackets, quotes and indentation."));
            return null;
        }

        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var faq = new List<FaqEntry>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (key == "faq")
            {
                ReadFaq(valueNode, file, FileLine, findings, faq);
            }
            else if (valueNode is YamlScalarNode scalar)
            {
                fields[key] = new FieldValue((scalar.Value ?? string.Empty).Trim(), FileLine(keyNode.Start));
            }
            else
            {
                findings.Add(new LintFinding(file, FileLine(keyNode.Start), LintSeverity.Error, LintRules.FrontMatterInvalid,
                    $"field '{key}' must be a single value, not a list or mapping."));
            }
        }

        return new FrontMatter(fields, faq);
    }

    private static void ReadFaq(YamlNode node, string file, Func<Mark, int> fileLine, List<LintFinding> findings, List<FaqEntry> faq)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (node is not YamlSequenceNode entries)
        {
            findings.Add(new LintFinding(file, fileLine(node.Start), LintSeverity.Error, LintRules.FrontMatterInvalid,
                "faq must be a list of entries, each with 'questions' (a list) and 'answer'."));
            return;
        }

        foreach (var entryNode in entries)
        {
            var line = fileLine(entryNode.Start);
            if (entryNode is not YamlMappingNode entry)
            {
                findings.Add(new LintFinding(file, line, LintSeverity.Error, LintRules.FrontMatterInvalid,
                    "each faq entry must have 'questions' (a list) and 'answer'."));
                continue;
            }

            var questions = new List<FieldValue>();
            string? answer = null;
            var valid = true;
            foreach (var (keyNode, valueNode) in entry.Children)
            {
                switch ((keyNode as YamlScalarNode)?.Value)
                {
                    case "questions" when valueNode is YamlSequenceNode list:
                        foreach (var item in list)
                        {
                            var text = (item as YamlScalarNode)?.Value?.Trim();
                            if (!string.IsNullOrEmpty(text))
                            {
                                questions.Add(new FieldValue(text, fileLine(item.Start)));
                            }
                        }

                        break;
                    case "questions" when valueNode is YamlScalarNode { Value: null or "" }:
                        break;
                    case "answer" when valueNode is YamlScalarNode scalar:
                        answer = scalar.Value?.Trim();
                        break;
                    default:
                        valid = false;
                        findings.Add(new LintFinding(file, fileLine(keyNode.Start), LintSeverity.Error, LintRules.FrontMatterInvalid,
                            "a faq entry has only 'questions' (a list of phrasings) and 'answer' (text)."));
                        break;
                }
            }

            if (questions.Count == 0)
            {
                valid = false;
                findings.Add(new LintFinding(file, line, LintSeverity.Error, LintRules.FaqNoQuestions,
                    "faq entry has no questions; add the phrasings patients and staff use."));
            }

            if (string.IsNullOrEmpty(answer))
            {
                valid = false;
                findings.Add(new LintFinding(file, line, LintSeverity.Error, LintRules.FaqNoAnswer,
                    "faq entry has no answer; add a short vetted answer."));
            }

            if (valid)
            {
                faq.Add(new FaqEntry(line, questions, answer!));
            }
        }
    }
}
