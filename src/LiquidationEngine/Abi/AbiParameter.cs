namespace LiquidationEngine.Abi;

/// <summary>One parameter of a declared custom error or event: its type, name and whether it is indexed.</summary>
public sealed class AbiParameter
{
    internal AbiParameter(string name, AbiType type, bool isIndexed)
    {
        Name = name;
        Type = type;
        IsIndexed = isIndexed;
    }

    /// <summary>The parameter name as declared; empty when the declaration gives none.</summary>
    public string Name { get; }

    /// <summary>The parameter's ABI type.</summary>
    public AbiType Type { get; }

    /// <summary>True for an event parameter declared <c>indexed</c> (it becomes a topic instead of data).</summary>
    public bool IsIndexed { get; }

    /// <summary>The declaration form, e.g. <c>address indexed borrower</c>.</summary>
    public override string ToString() =>
        Type.CanonicalName + (IsIndexed ? " indexed" : "") + (Name.Length > 0 ? " " + Name : "");
}
