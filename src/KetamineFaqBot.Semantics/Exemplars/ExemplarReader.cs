using KetamineFaqBot.Core.Answering;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KetamineFaqBot.Semantics.Exemplars;

/// <summary>
/// Reads the reviewed route exemplars: every <c>*.yaml</c> under a folder (sub-folders included), each a mapping
/// with <c>route</c> and <c>examples</c> (a list of messages). Any problem is an <see cref="ExemplarFormatException"/>
/// naming file and line; nothing is silently skipped.
/// </summary>
public static class ExemplarReader
{
    /// <summary>Routes the classifier learns. no_answer is retrieval's decision, never a message's label.</summary>
    public static IReadOnlyList<Route> Routes { get; } =
        [Route.Answer, Route.Referral, Route.Crisis, Route.Emergency, Route.Refusal, Route.OutOfScope, Route.Smalltalk];

    /// <summary>Reads every exemplar file under <paramref name="folder"/>, in file-name order.</summary>
    /// <exception cref="ExemplarFormatException">A file does not parse, names an unknown route, or repeats a message.</exception>
    public static IReadOnlyList<Exemplar> ReadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new ExemplarFormatException(folder, 0, "the route exemplar folder does not exist");
        }

        var files = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new ExemplarFormatException(folder, 0, "no route exemplar files (*.yaml)");
        }

        var all = new List<Exemplar>();
        var seen = new Dictionary<string, Exemplar>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, file);
            foreach (var exemplar in ReadFile(file, relative))
            {
                var key = exemplar.Text.Trim();
                if (seen.TryGetValue(key, out var first))
                {
                    if (first.Route != exemplar.Route)
                    {
                        throw new ExemplarFormatException(relative, exemplar.Line,
                            $"the same message is labelled {first.Route.ToWire()} in {first.File}:{first.Line}");
                    }

                    continue;
                }

                seen[key] = exemplar;
                all.Add(exemplar);
            }
        }

        foreach (var route in Routes)
        {
            if (!all.Any(e => e.Route == route))
            {
                throw new ExemplarFormatException(folder, 0, $"no exemplars for route {route.ToWire()}; every route needs some");
            }
        }

        return all;
    }

    /// <summary>Reads one file; <paramref name="displayName"/> is used in errors.</summary>
    public static IReadOnlyList<Exemplar> ReadFile(string path, string displayName)
    {
        var root = ExemplarYaml.LoadMapping(path, displayName, "'route' and 'examples'");

        var routeNode = Child(root, "route") as YamlScalarNode
            ?? throw new ExemplarFormatException(displayName, (int)root.Start.Line, "missing 'route'");
        if (!RouteNames.TryParse(routeNode.Value, out var route) || !Routes.Contains(route))
        {
            throw new ExemplarFormatException(displayName, (int)routeNode.Start.Line,
                $"unknown route '{routeNode.Value}'; use one of {string.Join(", ", Routes.Select(r => r.ToWire()))}");
        }

        var examples = Child(root, "examples") as YamlSequenceNode
            ?? throw new ExemplarFormatException(displayName, (int)root.Start.Line, "missing 'examples' (a list of messages)");
        var result = new List<Exemplar>(examples.Children.Count);
        foreach (var node in examples.Children)
        {
            if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                throw new ExemplarFormatException(displayName, (int)node.Start.Line, "each example must be a non-empty message");
            }

            result.Add(new Exemplar(route, text.Trim(), displayName, (int)node.Start.Line));
        }

        if (result.Count == 0)
        {
            throw new ExemplarFormatException(displayName, (int)examples.Start.Line, "'examples' is empty");
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
