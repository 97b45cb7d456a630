using System;
using System.Threading.Tasks;

namespace MakemorePS.Core
{
    // Parallel batching: UTF-8 input is cut on line boundaries into batches, each batch into one piece per thread,
    // counted by worker counters and merged in input order.
    public sealed partial class BigramCounter
    {
        /// <summary>
        /// Counts the names in UTF-8 text, one per line (LF, CRLF or CR). A leading byte-order mark is skipped. Lines that are
        /// not valid UTF-8, hold the boundary token, or are longer than 1 MiB are reported and skipped.
        /// </summary>
        /// <param name="utf8">The text.</param>
        /// <param name="source">Where the text came from, for the rejections; may be null.</param>
        public unsafe void AddUtf8(ReadOnlySpan<byte> utf8, string? source = null)
        {
            if (StartsWithUtf8ByteOrderMark(utf8))
            {
                utf8 = utf8.Slice(3);
            }

            long batchLimit = BatchBytes();
            long lineOffset = 0;
            fixed (byte* start = utf8)
            {
                int position = 0;
                while (position < utf8.Length)
                {
                    ReadOnlySpan<byte> rest = utf8.Slice(position);
                    int length = rest.Length;
                    if (length > batchLimit)
                    {
                        length = FindLastCut(rest.Slice(0, (int)batchLimit), atEnd: false);
                        if (length == 0)
                        {
                            // One line fills the whole batch: take it whole; the line-length limit rejects it.
                            length = FindCutAtOrAfter(rest, (int)batchLimit);
                        }
                    }

                    CountBatch(start + position, length, source, ref lineOffset);
                    position += length;
                }
            }
        }

        private long BatchBytes() => Math.Min((long)_options.EffectiveParallelism * _options.SegmentBytes, 1 << 30);

        /// <summary>
        /// Counts a run of complete lines. Big runs are cut on line boundaries into one piece per thread, counted by
        /// worker counters, and merged in order, so counts, names, line numbers and rejections match serial counting.
        /// </summary>
        private unsafe void CountBatch(byte* p, int n, string? source, ref long lineOffset)
        {
            int parallelism = _options.EffectiveParallelism;
            int segment = _options.SegmentBytes;
            int pieces = (int)Math.Min(parallelism, ((long)n + segment - 1) / segment);
            if (pieces <= 1)
            {
                lineOffset += CountLines(p, n, lineOffset, source);
                return;
            }

            var data = new ReadOnlySpan<byte>(p, n);
            var bounds = new int[pieces + 1];
            bounds[pieces] = n;
            for (int j = 1; j < pieces; j++)
            {
                int target = Math.Max(bounds[j - 1], (int)((long)n * j / pieces));
                bounds[j] = target == 0 ? 0 : FindCutAtOrAfter(data, target);
            }

            BigramCounter[] workers = Workers(pieces);
            var lineCounts = new long[pieces];
            var address = (IntPtr)p;
            Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, j =>
            {
                BigramCounter worker = workers[j];
                worker.Reset();
                lineCounts[j] = worker.CountLines((byte*)address + bounds[j], bounds[j + 1] - bounds[j], 0, source);
            });

            for (int j = 0; j < pieces; j++)
            {
                BigramCounter worker = workers[j];
                AddCountsOf(worker);
                foreach (NameRejection rejection in worker._keptRejections)
                {
                    Report(rejection.ShiftedBy(lineOffset, null));
                }

                lineOffset += lineCounts[j];
            }
        }

        private BigramCounter[] Workers(int count)
        {
            if (_workers == null || _workers.Length < count)
            {
                var workers = new BigramCounter[count];
                for (int j = 0; j < count; j++)
                {
                    workers[j] = _workers != null && j < _workers.Length ? _workers[j] : new BigramCounter(_options, deferRejections: true);
                }

                _workers = workers;
            }

            return _workers;
        }
    }
}
