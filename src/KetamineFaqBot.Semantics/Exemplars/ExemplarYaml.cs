using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KetamineFaqBot.Semantics.Exemplars;

/// <summary>Reads an exemplar file's one YAML mapping; any problem is an <see cref="ExemplarFormatException"/> with file and line.</summary>
internal static class ExemplarYaml
{
    /// <param name="expected">What the mapping must hold, for the error ("'route' and 'examples'").</param>
    public static YamlMappingNode LoadMapping(string path, string displayName, string expected)
    {
        YamlStream yaml;
        try
        {
            using var reader = new StreamReader(path);
            yaml = new YamlStream();
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new ExemplarFormatException(displayName, (int)ex.Start.Line, "not valid YAML: " + ex.Message);
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ExemplarFormatException(displayName, 1, $"expected one mapping with {expected}");
        }

        return root;
    }
}
