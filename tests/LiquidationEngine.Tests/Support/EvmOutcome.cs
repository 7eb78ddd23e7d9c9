using System.Numerics;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;

namespace LiquidationEngine.Tests.Support;

/// <summary>
/// What an EVM call returns: a value, or revert data as lower-case <c>0x</c> hex. Compare an implementation's
/// outcome with a model's by equality; the <see cref="ToString"/> reads well in a failure message.
/// </summary>
public readonly record struct EvmOutcome(BigInteger? Value, string? Revert)
{
    /// <summary>A successful call returning <paramref name="value"/>.</summary>
    public static EvmOutcome Ok(BigInteger value) => new(value, null);

    /// <summary>A reverted call with the given revert data.</summary>
    public static EvmOutcome Reverted(string revertDataHex) => new(null, revertDataHex);

    /// <summary>Runs library code: its result, or the revert data of the <see cref="EvmRevertException"/> it threw.</summary>
    public static EvmOutcome Of(Func<UInt256> call)
    {
        try
        {
            return Ok(U256.ToBig(call()));
        }
        catch (EvmRevertException ex)
        {
            return Reverted(ex.RevertDataHex);
        }
    }

    /// <summary>Runs a model: its result, or the revert data of the <see cref="ModelRevert"/> it threw.</summary>
    public static EvmOutcome OfModel(Func<BigInteger> model)
    {
        try
        {
            return Ok(model());
        }
        catch (ModelRevert revert)
        {
            return Reverted(revert.RevertDataHex);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Revert is null ? $"ok {Value}" : $"revert {Revert}";
}

/// <summary>Thrown by reference models where the EVM would revert; carries the revert data as hex.</summary>
public sealed class ModelRevert(string revertDataHex) : Exception($"revert {revertDataHex}")
{
    /// <summary>The revert data, lower-case <c>0x</c> hex.</summary>
    public string RevertDataHex { get; } = revertDataHex;

    /// <summary><c>Panic(0x11)</c>.</summary>
    public static ModelRevert Overflow() => new(EvmAssert.Overflow);

    /// <summary><c>Panic(0x12)</c>.</summary>
    public static ModelRevert DivisionByZero() => new(EvmAssert.DivisionByZero);

    /// <summary>A bare <c>revert(0, 0)</c>.</summary>
    public static ModelRevert Empty() => new(EvmAssert.EmptyRevert);
}
