namespace KetamineFaqBot.Storage.Redis;

/// <summary>The Lua scripts the Redis stores run atomically on the server (files under Redis/Scripts).</summary>
internal static class RedisScripts
{
    public static string Create { get; } = Load("create.lua");

    public static string Append { get; } = Load("append.lua");

    public static string Read { get; } = Load("read.lua");

    public static string Crisis { get; } = Load("crisis.lua");

    public static string Turn { get; } = Load("turn.lua");

    private static string Load(string name)
    {
        using var stream = typeof(RedisScripts).Assembly.GetManifestResourceStream("Scripts." + name)
            ?? throw new InvalidOperationException($"Embedded script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
