namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>
/// The local sentence model's load, started on another thread while the host builds. A process that stops before it
/// serves (invalid settings) waits for it first: ending the process while native model code is still loading crashed it.
/// </summary>
/// <param name="Loading">Completes when the model has loaded (or failed to).</param>
public sealed record SentenceModelPreload(Task Loading)
{
    /// <summary>Waits for the load to end, whatever its outcome; a failure is reported where the model is used.</summary>
    public void WaitQuietly()
    {
        try
        {
            Loading.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The host is stopping anyway; the settings error is what the operator needs to read.
        }
    }
}
