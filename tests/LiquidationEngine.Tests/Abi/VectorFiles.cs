using Xunit;

namespace LiquidationEngine.Tests.Abi;

/// <summary>Locates committed EVM vector files in the test output (spec/vectors/** is copied to vectors/).</summary>
internal static class VectorFiles
{
    /// <summary>The full path of vectors/<paramref name="name"/>; a missing file is a failure, never a skip.</summary>
    public static string Find(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", name);
        Assert.True(File.Exists(path), $"Vector file spec/vectors/{name} is missing from the test output.");
        return path;
    }
}
