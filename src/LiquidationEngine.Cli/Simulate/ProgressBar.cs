namespace LiquidationEngine.Cli.Simulate;

/// <summary>
/// A progress bar on stderr for long runs, drawn only when stderr is a terminal (so pipes and files get nothing).
/// Thread-safe: parallel runs tick it from several threads; it redraws only when the shown percentage changes.
/// </summary>
internal sealed class ProgressBar(TextWriter output, long total, bool enabled) : IDisposable
{
    private const int Width = 40;
    private readonly object _gate = new();
    private long _done;
    private int _shown = -1;

    public static ProgressBar ForStandardError(long total) => new(Console.Error, total, enabled: !Console.IsErrorRedirected && total > 0);

    public void Tick()
    {
        if (!enabled)
            return;
        long done = Interlocked.Increment(ref _done);
        int percent = (int)(done * 100 / total);
        if (percent == Volatile.Read(ref _shown))
            return;
        lock (_gate)
        {
            if (percent <= _shown)
                return;
            _shown = percent;
            int filled = percent * Width / 100;
            output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% ({done:N0} of {total:N0} blocks)");
            output.Flush();
        }
    }

    public void Dispose()
    {
        if (enabled && _shown >= 0)
        {
            output.Write("\r" + new string(' ', Width + 40) + "\r");
            output.Flush();
        }
    }
}
