using System.Diagnostics;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>Samples the service's resident memory every half second while a run lasts.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TimeSpan At, long Bytes)> _samples = [];
    private readonly Task _loop;

    public MemorySampler(Func<long> read)
    {
        var clock = Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var bytes = read();
                lock (_samples)
                {
                    _samples.Add((clock.Elapsed, bytes));
                }

                try
                {
                    await Task.Delay(500, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    /// <summary>Peak; mean of the first and of the last fifth of the run (flat memory: the two are close).</summary>
    public (double PeakMb, double FirstFifthMb, double LastFifthMb) Summary()
    {
        lock (_samples)
        {
            if (_samples.Count == 0)
            {
                return (0, 0, 0);
            }

            var fifth = Math.Max(1, _samples.Count / 5);
            return (Mb(_samples.Max(s => s.Bytes)), Mb(_samples.Take(fifth).Average(s => s.Bytes)), Mb(_samples.TakeLast(fifth).Average(s => s.Bytes)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static double Mb(double bytes) => bytes / (1024 * 1024);
}
