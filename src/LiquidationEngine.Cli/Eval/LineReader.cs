namespace LiquidationEngine.Cli.Eval;

/// <summary>
/// Reads UTF-8 lines from a stream and calls <paramref name="beforeBlockingRead"/> just before
/// it would wait for more input, so a caller can flush its answers: batch throughput when input
/// is piped in bulk, an immediate answer when a peer sends one line and waits for the reply.
/// </summary>
internal sealed class LineReader(Stream input, Action beforeBlockingRead)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The next line without its terminator ("\n" or "\r\n"); false at end of input.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        int scanFrom = _start;
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (newline >= 0)
            {
                line = TrimCr(_buffer.AsSpan(_start, newline - _start));
                _start = newline + 1;
                return true;
            }
            if (_eof)
            {
                line = TrimCr(_buffer.AsSpan(_start, _end - _start));
                bool any = _end > _start;
                _start = _end;
                return any;
            }
            scanFrom = _end;
            Fill(ref scanFrom);
        }
    }

    private void Fill(ref int scanFrom)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            scanFrom -= _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        beforeBlockingRead();
        int read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
