using System.Reflection;

namespace KetamineFaqBot.Load.Tests;

/// <summary>Paths the test project's build wrote into its assembly: the bot built alongside it and the starter questions.</summary>
internal static class TestPaths
{
    public static string BotAssembly => Metadata("BotAssembly");

    public static string StarterQuestions => Metadata("StarterQuestions");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
