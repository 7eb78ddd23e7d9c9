using LiquidationEngine.Abi;
using LiquidationEngine.FixedPoint;
using Xunit;
using static LiquidationEngine.Tests.Abi.AbiTestHex;

namespace LiquidationEngine.Tests.Abi;

public sealed class Keccak256Tests
{
    // Reference digests from an independent Keccak-256 (pycryptodome's keccak, digest_bits=256)
    // of the pattern input byte[i] = i % 251; lengths straddle the 136-byte rate.
    public static TheoryData<int, string> PatternVectors => new()
    {
        { 1, "bc36789e7a1e281436464229828f817d6612f7b477d66591ff96a9e064bcc98a" },
        { 31, "3e50547cf72e8583ee91462f9d99fe624f53282f78e1a5ec2347b1d0123d0d9b" },
        { 32, "8ae1aa597fa146ebd3aa2ceddf360668dea5e526567e92b0321816a4e895bd2d" },
        { 33, "f08683775f4a25dfef721c487073fb77026d45ac57e423424290e47af9fd2835" },
        { 134, "861e165162f806cd361c4421a48f205820ddf4deb02db9f041f48e179ddada97" },
        { 135, "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62" },
        { 136, "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e" },
        { 137, "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db" },
        { 200, "bfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890" },
        { 271, "27eceb59ebc3dc8a04a5b135be641591a7278540e4556a2ba9f408194e666ec3" },
        { 272, "8e2476e65823b24d96ebe239f2c1534cdf763e689e2410c3b1cb0c74e6177bfc" },
        { 273, "3f02f134370e4debb95140ef49ddd3aed8c65ff1ed83a43f1b269421f179c5f9" },
        { 1000, "af692982e84a5a9688359025660a7857cd28ee7c8d867cfa1677baf2e6d1f63b" },
    };

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    // topic0 of ERC-20 Transfer, as seen in every token log
    [InlineData("Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    public void Hash_of_ascii_matches_published_digest(string input, string expected)
    {
        Assert.Equal(expected, Hex(Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(input))));
    }

    [Fact]
    public void Hash_is_keccak_not_sha3()
    {
        // SHA3-256("") = a7ffc6f8...; Keccak-256("") must differ.
        Assert.NotEqual("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex(Keccak256.Hash(ReadOnlySpan<byte>.Empty)));
    }

    [Theory]
    [MemberData(nameof(PatternVectors))]
    public void Hash_matches_reference_around_rate_boundaries(int length, string expected)
    {
        Span<byte> digest = stackalloc byte[40];
        digest.Fill(0xEE);
        Keccak256.Hash(Pattern(length), digest);
        Assert.Equal("0x" + expected, Hex(digest[..32]));
        Assert.True(digest[32..].ToArray().All(b => b == 0xEE), "bytes past the digest must be untouched");
    }

    [Theory]
    [MemberData(nameof(PatternVectors))]
    public void HashToUInt256_is_the_big_endian_digest(int length, string expected)
    {
        UInt256 word = Keccak256.HashToUInt256(Pattern(length));
        var bytes = new byte[32];
        word.WriteBigEndian(bytes);
        Assert.Equal("0x" + expected, Hex(bytes));
    }

    [Theory]
    [MemberData(nameof(PatternVectors))]
    public void Incremental_hash_is_independent_of_how_input_is_split(int length, string expected)
    {
        byte[] input = Pattern(length);
        var hasher = new Keccak256Hasher();
        var digest = new byte[32];
        // Every split point into two pieces, plus byte-at-a-time and 7-byte chunks.
        for (int split = 0; split <= length; split++)
        {
            hasher.Append(input.AsSpan(0, split));
            hasher.Append(input.AsSpan(split));
            Assert.Equal(length, hasher.BytesAppended);
            hasher.Finish(digest);
            Assert.Equal("0x" + expected, Hex(digest));
        }
        foreach (byte b in input) hasher.Append([b]);
        hasher.Finish(digest);
        Assert.Equal("0x" + expected, Hex(digest));
        foreach (byte[] chunk in input.Chunk(7)) hasher.Append(chunk);
        Assert.Equal("0x" + expected, Hex(BigEndian(hasher.FinishToUInt256())));
    }

    [Fact]
    public void Finish_resets_and_Reset_discards()
    {
        var hasher = new Keccak256Hasher();
        var digest = new byte[32];
        hasher.Append("abc"u8);
        hasher.Finish(digest);
        hasher.Finish(digest); // nothing appended since: digest of ""
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Hex(digest));
        hasher.Append(Pattern(300));
        hasher.Reset();
        Assert.Equal(0, hasher.BytesAppended);
        hasher.Append("abc"u8);
        hasher.Finish(digest);
        Assert.Equal("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", Hex(digest));
    }

    [Fact]
    public void AppendWord_appends_the_32_byte_big_endian_word()
    {
        var hasher = new Keccak256Hasher();
        hasher.AppendWord(new UInt256(0x0001020304050607, 0x08090a0b0c0d0e0f, 0x1011121314151617, 0x18191a1b1c1d1e1f));
        // input bytes 0..31 are the pattern's first 32 bytes
        Assert.Equal("0x8ae1aa597fa146ebd3aa2ceddf360668dea5e526567e92b0321816a4e895bd2d", Hex(BigEndian(hasher.FinishToUInt256())));
    }

    [Fact]
    public void Short_destination_is_rejected_with_its_length()
    {
        var ex = Assert.Throws<ArgumentException>(() => Keccak256.Hash("abc"u8, new byte[31]));
        Assert.Contains("31", ex.Message);
        Assert.Throws<ArgumentException>(() => new Keccak256Hasher().Finish(new byte[8]));
    }

    [Fact]
    public void Hash_into_span_allocates_nothing()
    {
        byte[] input = Pattern(1000);
        var digest = new byte[32];
        Keccak256.Hash(input, digest); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Keccak256.Hash(input, digest);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] BigEndian(UInt256 value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return bytes;
    }
}
