using System;
using System.IO;
using System.Text;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Data
{
    /// <summary>
    /// Writes a deterministic corpus of made-up names, one per line, by walking a bigram count table with
    /// <see cref="Pcg32"/>: start at '.', draw each next symbol in proportion to its count, stop at '.'.
    /// The same table, seed and size always give the same bytes.
    /// </summary>
    internal sealed class SyntheticCorpus
    {
        /// <summary>Names are cut here so a table with a self-loop cannot run forever.</summary>
        public const int MaxNameLength = 64;

        private readonly int _v;
        private readonly uint[] _cumulative;
        private readonly uint[] _rowTotals;
        private readonly byte[][] _symbolBytes;

        public SyntheticCorpus(BigramCounts counts)
        {
            _v = counts.Size;
            _cumulative = new uint[_v * _v];
            _rowTotals = new uint[_v];
            _symbolBytes = new byte[_v][];
            for (int i = 0; i < _v; i++)
            {
                _symbolBytes[i] = Encoding.UTF8.GetBytes(counts.Vocabulary.GetSymbol(i));
                long running = 0;
                for (int j = 0; j < _v; j++)
                {
                    running += counts[i, j];
                    if (running > uint.MaxValue)
                    {
                        throw new ArgumentException("Row totals above 2^32 − 1 are not supported by the corpus generator.", nameof(counts));
                    }

                    _cumulative[(i * _v) + j] = (uint)running;
                }

                _rowTotals[i] = (uint)running;
            }

            if (_rowTotals[Vocabulary.BoundaryIndex] == 0)
            {
                throw new ArgumentException("The table has no bigram that starts a name.", nameof(counts));
            }
        }

        /// <summary>Writes names until at least <paramref name="targetBytes"/> bytes are out; returns the number of names.</summary>
        public long Write(Stream output, long targetBytes, long seed)
        {
            var rng = new Pcg32(seed);
            var buffer = new byte[1 << 20];
            int used = 0;
            long written = 0;
            long names = 0;
            while (written + used < targetBytes)
            {
                if (used > buffer.Length - ((MaxNameLength * 4) + 1))
                {
                    output.Write(buffer, 0, used);
                    written += used;
                    used = 0;
                }

                int lineStart = used;
                int current = Vocabulary.BoundaryIndex;
                for (int length = 0; length < MaxNameLength; length++)
                {
                    int next = Draw(current, rng);
                    if (next == Vocabulary.BoundaryIndex)
                    {
                        break;
                    }

                    byte[] symbol = _symbolBytes[next];
                    for (int b = 0; b < symbol.Length; b++)
                    {
                        buffer[used++] = symbol[b];
                    }

                    current = next;
                }

                if (used == lineStart)
                {
                    continue; // an empty name would be a blank line; draw again.
                }

                buffer[used++] = (byte)'\n';
                names++;
            }

            output.Write(buffer, 0, used);
            return names;
        }

        /// <summary>A next symbol with probability count[current, j] / rowTotal, by binary search over the cumulative row.</summary>
        private int Draw(int current, Pcg32 rng)
        {
            uint total = _rowTotals[current];
            if (total == 0)
            {
                return Vocabulary.BoundaryIndex; // a symbol never seen as current ends the name.
            }

            uint r = rng.NextUInt32(total);
            int row = current * _v;
            int lo = 0;
            int hi = _v - 1;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (_cumulative[row + mid] > r)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }
}
