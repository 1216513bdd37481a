using System.Threading.Channels;

namespace TumorBoard.Api.Features.Rematch;

/// <summary>Wakes the re-match job (e.g. after an arm status change); repeated requests coalesce into one run.</summary>
public sealed class RematchSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Periodic run: picks up knowledge or trial files changed by a deployment of another instance.
        }
    }
}
