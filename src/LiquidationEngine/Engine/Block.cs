namespace LiquidationEngine.Engine;

/// <summary>
/// The block an operation executes in: the engine never reads a clock. Each operation takes one; neither the
/// number nor the timestamp may go below the last successful operation's (same block again is fine).
/// </summary>
/// <param name="Number">Block number.</param>
/// <param name="Timestamp">Block timestamp, seconds since the Unix epoch (or any origin the embedder picks).</param>
public readonly record struct Block(ulong Number, ulong Timestamp);
