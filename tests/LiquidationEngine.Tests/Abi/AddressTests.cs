using System.Numerics;
using LiquidationEngine.Evm;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

public sealed class AddressTests
{
    // The test cases listed in EIP-55 ("All caps", "All Lower", "Normal"): each is its own checksummed form.
    public static TheoryData<string> Eip55Examples => new()
    {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    };

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void ToString_writes_the_EIP55_form(string checksummed)
    {
        Address fromLower = Address.Parse("0x" + checksummed[2..].ToLowerInvariant());
        Address fromUpper = Address.Parse("0x" + checksummed[2..].ToUpperInvariant());
        Assert.Equal(checksummed, fromLower.ToString());
        Assert.Equal(fromLower, fromUpper);
        Assert.Equal(fromLower, Address.Parse(checksummed));
    }

    [Theory]
    [MemberData(nameof(Eip55Examples))]
    public void Bytes_round_trip_through_span_and_word(string checksummed)
    {
        byte[] expected = Bytes(checksummed);
        Address address = Address.Parse(checksummed);
        var written = new byte[20];
        address.WriteTo(written);
        Assert.Equal(expected, written);
        Assert.Equal(address, new Address(expected));

        var word = new byte[32];
        address.ToUInt256().WriteBigEndian(word);
        Assert.Equal(new byte[12].Concat(expected).ToArray(), word);
        Assert.Equal(address, Address.FromUInt256(UInt256.ReadBigEndian(word)));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")] // last letter's case flipped
    [InlineData("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")] // second letter's case flipped
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAee")] // a typo in a checksummed address
    public void Mixed_case_with_a_wrong_checksum_is_rejected_naming_the_input(string text)
    {
        var ex = Assert.Throws<FormatException>(() => Address.Parse(text));
        Assert.Contains(text, ex.Message);
        Assert.Contains("EIP-55", ex.Message);
        Assert.False(Address.TryParse(text, out Address parsed));
        Assert.Equal(Address.Zero, parsed);
    }

    [Theory]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "40 hex digits")]
    [InlineData("0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "40 hex digits")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "41 characters")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", "44 characters")]
    [InlineData("", "0 characters")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "'g' at position 41")]
    [InlineData(" 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "40 hex digits")]
    public void Malformed_text_is_rejected_with_a_clear_message(string text, string expectedFragment)
    {
        var ex = Assert.Throws<FormatException>(() => Address.Parse(text));
        Assert.Contains($"\"{text}\"", ex.Message);
        Assert.Contains(expectedFragment, ex.Message);
        Assert.False(Address.TryParse(text, out _));
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Address.Parse(null!));
        Assert.False(Address.TryParse(null, out _));
    }

    [Fact]
    public void Zero_is_default_and_prints_forty_zeros()
    {
        Assert.True(Address.Zero.IsZero);
        Assert.Equal(default, Address.Zero);
        Assert.Equal("0x0000000000000000000000000000000000000000", Address.Zero.ToString());
        Assert.False(Address.Parse("0x0000000000000000000000000000000000000001").IsZero);
    }

    [Theory]
    [InlineData(0UL, 0x0000000100000000UL)] // bit 160, the lowest bit an address cannot hold
    [InlineData(0UL, 0x8000000000000000UL)]
    [InlineData(1UL, 0UL)]
    [InlineData(0x8000000000000000UL, 0UL)] // bit 255
    public void FromUInt256_rejects_values_above_160_bits(ulong u3, ulong u2)
    {
        var value = new UInt256(u3, u2 | 0xFFFFFFFF, ulong.MaxValue, ulong.MaxValue);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Address.FromUInt256(value));
        Assert.Contains("160 bits", ex.Message);
    }

    [Fact]
    public void FromUInt256_accepts_the_largest_address()
    {
        var max = new UInt256(0, uint.MaxValue, ulong.MaxValue, ulong.MaxValue);
        Assert.Equal("0xFFfFfFffFFfffFFfFFfFFFFFffFFFffffFfFFFfF", Address.FromUInt256(max).ToString());
    }

    [Fact]
    public void Wrong_length_bytes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Address(new byte[19]));
        Assert.Throws<ArgumentException>(() => new Address(new byte[21]));
        Assert.Throws<ArgumentException>(() => Address.Zero.WriteTo(new byte[19]));
    }

    [Fact]
    public void Ordering_is_numeric_over_the_20_bytes()
    {
        // Addresses that differ in each of the three stored pieces, compared against a BigInteger model.
        var rnd = new Random(20240501);
        var samples = new List<byte[]>();
        for (int i = 0; i < 200; i++)
        {
            var b = new byte[20];
            rnd.NextBytes(b);
            if (i % 3 == 0) Array.Clear(b, 0, 4 + rnd.Next(10)); // share leading zero bytes
            samples.Add(b);
        }
        samples.Add(new byte[20]);
        foreach (byte[] x in samples)
        foreach (byte[] y in samples.Take(40))
        {
            int expected = new BigInteger(x, isUnsigned: true, isBigEndian: true).CompareTo(new BigInteger(y, isUnsigned: true, isBigEndian: true));
            var ax = new Address(x);
            var ay = new Address(y);
            Assert.Equal(Math.Sign(expected), Math.Sign(ax.CompareTo(ay)));
            Assert.Equal(expected == 0, ax == ay);
            Assert.Equal(expected != 0, ax != ay);
            if (expected == 0) Assert.Equal(ax.GetHashCode(), ay.GetHashCode());
        }
    }

    [Fact]
    public void Hash_code_is_deterministic_across_processes()
    {
        // A fixed expectation: ulong hash codes are unseeded, so this holds in every process.
        Address a = Address.Parse("0x0000000100000000000000020000000000000003");
        Assert.Equal(3 ^ 2 ^ 1, a.GetHashCode());
    }
}
