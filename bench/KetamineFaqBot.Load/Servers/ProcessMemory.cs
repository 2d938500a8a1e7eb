using System.Globalization;

namespace KetamineFaqBot.Load.Servers;

/// <summary>Resident memory of a process as Linux reports it in /proc/&lt;pid&gt;/status (kB there, MB here).</summary>
internal static class ProcessMemory
{
    /// <summary>Current resident set (VmRSS), or null when unknown (not Linux, or the process is gone).</summary>
    public static double? CurrentMegabytes(int processId) => Read(processId, "VmRSS:");

    /// <summary>Peak resident set over the process's whole life so far (VmHWM), or null when unknown.</summary>
    public static double? PeakMegabytes(int processId) => Read(processId, "VmHWM:");

    private static double? Read(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                    return kilobytes / 1024.0;
                }
            }
        }
        catch (IOException)
        {
            // The process ended or /proc is not there: memory is reported as unknown, never guessed.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
