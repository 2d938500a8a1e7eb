using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KetamineFaqBot.Answering.Generative;

/// <summary>
/// Reads a prompt file of prompts/ (Semantic Kernel's YAML prompt schema: name, description, template_format,
/// template, input_variables, execution_settings) into a <see cref="PromptTemplateConfig"/>.
/// The SK YAML package is not available, so the YAML is converted to SK's JSON form with YamlDotNet.
/// </summary>
public static class PromptFile
{
    /// <exception cref="InvalidDataException">The file is not a valid prompt or lacks a required variable.</exception>
    public static PromptTemplateConfig Load(string path, params string[] requiredVariables)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(requiredVariables);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Prompt file '{path}' does not exist.", path);
        }

        using var reader = File.OpenText(path);
        return Parse(reader, path, requiredVariables);
    }

    public static PromptTemplateConfig Parse(TextReader reader, string name, params string[] requiredVariables)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(requiredVariables);
        PromptTemplateConfig config;
        try
        {
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw new InvalidDataException($"Prompt file '{name}' must hold one YAML mapping.");
            }

            config = PromptTemplateConfig.FromJson(ToJson(root)!.ToJsonString());
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"Prompt file '{name}' is not valid YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
        {
            throw new InvalidDataException($"Prompt file '{name}' does not follow the prompt schema: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(config.Template))
        {
            throw new InvalidDataException($"Prompt file '{name}' has no template.");
        }

        foreach (var variable in requiredVariables)
        {
            if (!config.Template.Contains("$" + variable, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Prompt file '{name}' does not use the variable '{variable}' in its template.");
            }
        }

        return config;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? string.Empty, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"Unsupported YAML node at line {node.Start.Line}."),
    };

    // Plain scalars keep their YAML type (temperature: 0 is a number); quoted ones stay strings.
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null")
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return JsonValue.Create(flag);
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }
}
