using CollectiveLedger.Core;

namespace CollectiveLedger.Tests.Core;

public class PooledBufferTests
{
    [Test]
    public void Writing_past_the_initial_capacity_keeps_every_byte_in_order()
    {
        using var buffer = new PooledBuffer(4);
        var expected = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();

        foreach (var chunk in expected.Chunk(7))
        {
            chunk.CopyTo(buffer.GetSpan(chunk.Length));
            buffer.Advance(chunk.Length);
        }

        Assert.That(buffer.WrittenSpan.ToArray(), Is.EqualTo(expected));
    }
}
