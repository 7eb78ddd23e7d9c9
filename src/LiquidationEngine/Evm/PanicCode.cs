namespace LiquidationEngine.Evm;

/// <summary>
/// The codes carried by Solidity's <c>Panic(uint256)</c> error (Solidity &gt;= 0.8), as listed in
/// the Solidity documentation under "Panic via assert and Error via require".
/// </summary>
public enum PanicCode : byte
{
    /// <summary>0x01: a failed <c>assert</c>.</summary>
    Assert = 0x01,

    /// <summary>0x11: checked arithmetic overflowed or underflowed.</summary>
    ArithmeticOverflow = 0x11,

    /// <summary>0x12: division or modulo by zero.</summary>
    DivisionByZero = 0x12,

    /// <summary>0x21: conversion of an out-of-range value to an enum.</summary>
    InvalidEnumValue = 0x21,

    /// <summary>0x32: array index out of bounds.</summary>
    ArrayOutOfBounds = 0x32,
}
