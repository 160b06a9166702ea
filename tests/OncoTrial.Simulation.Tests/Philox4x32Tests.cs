namespace OncoTrial.Simulation.Tests;

public class Philox4x32Tests
{
    // Random123 kat_vectors: "philox4x32 10 CTR(4) KEY(2) EXPECTED(4)".
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Matches_the_Random123_known_answer_vectors(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3)
    {
        Assert.Equal(new Philox4x32.Block(x0, x1, x2, x3), Philox4x32.Compute(c0, c1, c2, c3, k0, k1));
    }

    [Fact]
    public void A_trial_stream_depends_only_on_seed_and_trial_index()
    {
        var a = new TrialRandom(7, 123_456_789_012);
        var b = new TrialRandom(7, 123_456_789_012);
        var other = new TrialRandom(7, 123_456_789_013);
        var first = a.NextBlock();
        Assert.Equal(first, b.NextBlock());
        Assert.NotEqual(first, other.NextBlock());
        Assert.NotEqual(first, a.NextBlock());
        // Block k of trial i under seed s is Philox(counter = (i lo, i hi, k, 0), key = (s lo, s hi)).
        Assert.Equal(Philox4x32.Compute(unchecked((uint)123_456_789_012), 28, 0, 0, 7, 0), first);
    }

    [Fact]
    public void Open_unit_mapping_never_gives_zero_or_one()
    {
        Assert.True(Philox4x32.ToOpenUnit(0) > 0);
        Assert.True(Philox4x32.ToOpenUnit(uint.MaxValue) < 1);
        Assert.Equal(0.5 / 4294967296.0, Philox4x32.ToOpenUnit(0));
    }
}
