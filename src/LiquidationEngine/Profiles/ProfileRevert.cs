using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LiquidationEngine.Evm;

namespace LiquidationEngine.Profiles;

/// <summary>Reverts raised by the protocol profiles, with messages that name the values involved.</summary>
internal static class ProfileRevert
{
    /// <summary>Throws <c>Error(reason)</c> (a <c>require(cond, reason)</c>) whose message adds <paramref name="detail"/>.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowError(string reason, string detail)
    {
        ReadOnlyMemory<byte> data = EvmRevertException.ForError(reason).RevertData;
        throw new EvmRevertException(data.Span, $"Error(\"{reason}\"): {detail}");
    }
}
