using System.Text.Json.Nodes;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

public sealed record RecordedPost(string Path, string Authorization, JsonObject Body, string AssignedId);
