using System.Text;

namespace KetamineFaqBot.Semantics.Tests.TestSupport;

/// <summary>Writes route exemplar files (<c>route:</c> and an <c>examples:</c> list) the way content owners do.</summary>
public static class ExemplarFiles
{
    /// <summary>Four messages for each of the seven routes the classifier learns.</summary>
    public static IReadOnlyDictionary<string, string[]> Small { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["answer"] =
        [
            "what are the side effects of ketamine treatment",
            "how long does a ketamine infusion last",
            "is esketamine the same as ketamine",
            "how does ketamine help depression",
        ],
        ["referral"] =
        [
            "should I skip my next infusion because of my blood pressure",
            "can I take ketamine with my lithium",
            "is ketamine right for me, I'm pregnant",
            "my doctor wants to raise my dose, is that ok for me",
        ],
        ["crisis"] =
        [
            "I want to kill myself",
            "i want to end my life",
            "I don't want to be alive anymore",
            "i have the pills lined up, tonight is the night",
        ],
        ["emergency"] =
        [
            "my friend took ketamine and is not breathing",
            "he collapsed and won't wake up",
            "crushing chest pain after my infusion right now",
            "she is having a seizure, what do I do",
        ],
        ["refusal"] =
        [
            "where can I buy ketamine without a prescription",
            "how much ketamine should I snort to trip",
            "how do I make ketamine at home",
            "how can I pass a drug test after using ketamine",
        ],
        ["out_of_scope"] =
        [
            "what is the weather tomorrow",
            "write me a poem about cats",
            "who won the football game last night",
            "help me with my maths homework",
        ],
        ["smalltalk"] =
        [
            "hi",
            "thanks so much",
            "who are you",
            "good morning",
        ],
    };

    /// <summary>Writes one <c>{route}.yaml</c> per route into <paramref name="folder"/>.</summary>
    public static void Write(string folder, IReadOnlyDictionary<string, string[]> routes)
    {
        Directory.CreateDirectory(folder);
        foreach (var (route, messages) in routes)
        {
            File.WriteAllText(Path.Combine(folder, route + ".yaml"), Yaml(route, messages));
        }
    }

    /// <summary>A file whose line 1 is a comment, line 2 the route, line 3 <c>examples:</c>, and messages from line 4.</summary>
    public static string Yaml(string route, params string[] messages)
    {
        var text = new StringBuilder().Append("# reviewed messages\n").Append("route: ").Append(route).Append("\nexamples:\n");
        foreach (var message in messages)
        {
            text.Append("  - \"").Append(message).Append("\"\n");
        }

        return text.ToString();
    }
}
