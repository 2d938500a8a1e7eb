namespace KetamineFaqBot.Load.Reporting;

/// <summary>The machine's load averages as Linux reports them, so a report says how busy the machine was.</summary>
internal static class MachineLoad
{
    public static string Read()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
