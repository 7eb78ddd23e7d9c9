using Xunit;
using Xunit.Abstractions;

namespace LiquidationEngine.Tests.Abi;

/// <summary>
/// Locates committed EVM vector files in the test output (spec/vectors/** is copied to vectors/).
/// The one place that decides whether a missing file is an error.
/// </summary>
internal static class VectorFiles
{
    /// <summary>Set to 1 to make a missing vector file fail the test instead of skipping it.</summary>
    public const string RequireVariable = "LIQENGINE_REQUIRE_VECTORS";

    /// <summary>The full path of vectors/<paramref name="name"/>, or null (after saying so) when it is absent and not required.</summary>
    public static string? Find(string name, ITestOutputHelper output)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", name);
        if (File.Exists(path))
            return path;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            Assert.Fail($"Vector file vectors/{name} is missing from the test output, and {RequireVariable}=1 requires it.");
        output.WriteLine($"NOT RUN: vectors/{name} is not present yet (set {RequireVariable}=1 to make this a failure).");
        return null;
    }
}
