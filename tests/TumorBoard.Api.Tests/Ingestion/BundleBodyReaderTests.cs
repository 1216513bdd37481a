using System.Text;
using Microsoft.AspNetCore.Http;
using TumorBoard.Api.Features.Ingestion;

namespace TumorBoard.Api.Tests.Ingestion;

/// <summary>
/// A body sent in chunks has no Content-Length (the in-memory test server always sets one, so these run the reader on a
/// request of its own): its pooled buffer grows while reading, and the size limit holds while reading.
/// </summary>
public sealed class BundleBodyReaderTests
{
    [Fact]
    public async Task A_body_without_a_declared_length_is_read_whole_across_buffer_growth()
    {
        var body = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i:D9},"));

        var (failure, read) = await BundleBodyReader.ReadAsync(Request(body), maxBytes: 1_000_000, CancellationToken.None);

        Assert.Equal(BundleBodyReader.Failure.None, failure);
        Assert.Equal(body, read);
    }

    [Fact]
    public async Task A_body_without_a_declared_length_is_too_large_once_it_passes_the_limit_while_reading()
    {
        var body = new string('x', 60_000);

        var (failure, read) = await BundleBodyReader.ReadAsync(Request(body), maxBytes: 50_000, CancellationToken.None);

        Assert.Equal(BundleBodyReader.Failure.TooLarge, failure);
        Assert.Empty(read);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read_whole()
    {
        var body = "{\"ü\":\"" + new string('y', 49_990) + "\"}";
        var limit = Encoding.UTF8.GetByteCount(body);

        var (failure, read) = await BundleBodyReader.ReadAsync(Request(body), maxBytes: limit, CancellationToken.None);

        Assert.Equal(BundleBodyReader.Failure.None, failure);
        Assert.Equal(body, read);
    }

    /// <summary>A FHIR JSON request without Content-Length whose body arrives in pieces of 7,000 bytes.</summary>
    private static HttpRequest Request(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/fhir+json";
        context.Request.ContentLength = null;
        context.Request.Body = new PiecewiseStream(Encoding.UTF8.GetBytes(body), 7_000);
        return context.Request;
    }

    private sealed class PiecewiseStream(byte[] bytes, int piece) : MemoryStream(bytes, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], cancellationToken);
    }
}
