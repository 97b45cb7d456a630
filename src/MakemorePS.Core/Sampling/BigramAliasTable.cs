using System;
using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>
    /// One Vose alias table per row of a V×V distribution, so drawing the next symbol costs two 32-bit outputs of
    /// <see cref="Pcg32"/> and one table read, whatever V is.
    /// </summary>
    /// <remarks>
    /// Each row's probabilities are first quantized to integers that sum to exactly V·2^32 (every positive
    /// probability keeps at least one unit, so nothing the model allows becomes impossible, and zero stays zero).
    /// The alias construction then runs in exact integer arithmetic, and a draw compares a raw 32-bit output with an
    /// integer threshold: no floating point at all once the weights are quantized, so the same weights and seed give
    /// the same symbols on every platform. Quantization moves a probability by at most about V·2^-32.
    /// </remarks>
    internal sealed class BigramAliasTable
    {
        private const long One = 1L << 32;

        // Slot (row, column): keep column when the 32-bit draw is below Threshold, else take Alias.
        private readonly uint[] _thresholds;
        private readonly int[] _aliases;

        private BigramAliasTable(int size, uint[] thresholds, int[] aliases)
        {
            Size = size;
            _thresholds = thresholds;
            _aliases = aliases;
        }

        /// <summary>V.</summary>
        public int Size { get; }

        /// <summary>Per slot (row·V + column): the column is kept when a 32-bit draw is below this.</summary>
        public uint[] Thresholds => _thresholds;

        /// <summary>Per slot (row·V + column): the symbol taken when the column is not kept.</summary>
        public int[] Aliases => _aliases;

        /// <summary>Builds the tables from the model's probabilities sharpened or flattened by <paramref name="temperature"/>.</summary>
        public static BigramAliasTable Create(ReadOnlySpan<double> probabilities, int size, double temperature)
        {
            if (probabilities.Length != size * size)
            {
                throw new ArgumentException($"A vocabulary of {size} symbols needs {size * size} probabilities, not {probabilities.Length}.", nameof(probabilities));
            }

            var thresholds = new uint[size * size];
            var aliases = new int[size * size];
            var weights = new double[size];
            var quantized = new long[size];
            var small = new int[size];
            var large = new int[size];
            for (int row = 0; row < size; row++)
            {
                ApplyTemperature(probabilities.Slice(row * size, size), temperature, weights, row);
                Quantize(weights, quantized, row);
                BuildRow(quantized, thresholds.AsSpan(row * size, size), aliases.AsSpan(row * size, size), small, large);
            }

            return new BigramAliasTable(size, thresholds, aliases);
        }

        /// <summary>Draws the symbol that follows <paramref name="current"/>.</summary>
        public int Next(Pcg32 rng, int current)
        {
            int column = (int)rng.NextUInt32((uint)Size);
            int slot = (current * Size) + column;
            return rng.NextUInt32() < _thresholds[slot] ? column : _aliases[slot];
        }

        /// <summary>The exact probability with which <see cref="Next"/> yields <paramref name="next"/> after <paramref name="current"/>.</summary>
        public double GetProbability(int current, int next)
        {
            // Each column is picked with 1/V; it keeps itself with Threshold/2^32 and passes the rest to its alias.
            double total = 0.0;
            for (int column = 0; column < Size; column++)
            {
                int slot = (current * Size) + column;
                double keep = _thresholds[slot] / (double)One;
                if (column == next)
                {
                    total += keep;
                }

                if (_aliases[slot] == next)
                {
                    total += 1.0 - keep;
                }
            }

            return total / Size;
        }

        private static void ApplyTemperature(ReadOnlySpan<double> row, double temperature, double[] weights, int rowIndex)
        {
            double max = 0.0;
            for (int j = 0; j < row.Length; j++)
            {
                double p = row[j];
                if (!(p >= 0.0) || double.IsInfinity(p))
                {
                    throw new ArgumentException($"Row {rowIndex} holds {p.ToString("R", CultureInfo.InvariantCulture)}, which is not a probability.");
                }

                max = Math.Max(max, p);
            }

            if (max == 0.0)
            {
                throw new ArgumentException($"Row {rowIndex} has no symbol with a positive probability.");
            }

            if (temperature == 1.0)
            {
                row.CopyTo(weights);
                return;
            }

            // p^(1/T) / max^(1/T) = exp((ln p − ln max) / T): the largest weight is exactly 1, so no overflow for
            // any T, and symbols the model rules out stay at exactly 0.
            double logMax = Math.Log(max);
            for (int j = 0; j < row.Length; j++)
            {
                double p = row[j];
                weights[j] = p > 0.0 ? Math.Exp((Math.Log(p) - logMax) / temperature) : 0.0;
            }
        }

        private static void Quantize(double[] weights, long[] quantized, int rowIndex)
        {
            int size = weights.Length;
            double total = 0.0;
            for (int j = 0; j < size; j++)
            {
                total += weights[j];
            }

            long target = size * One;
            double scale = target / total;
            long sum = 0;
            int largest = 0;
            for (int j = 0; j < size; j++)
            {
                double w = weights[j];
                long q = w > 0.0 ? Math.Max(1L, (long)Math.Round(w * scale)) : 0L;
                quantized[j] = q;
                sum += q;
                if (q > quantized[largest])
                {
                    largest = j;
                }
            }

            // Rounding leaves the sum a few units off; the largest weight (at least 2^32) absorbs the difference.
            quantized[largest] += target - sum;
            if (quantized[largest] < 1)
            {
                throw new ArgumentException($"Row {rowIndex} cannot be quantized.");
            }
        }

        private static void BuildRow(long[] quantized, Span<uint> thresholds, Span<int> aliases, int[] small, int[] large)
        {
            int smallCount = 0;
            int largeCount = 0;
            for (int j = 0; j < quantized.Length; j++)
            {
                if (quantized[j] < One)
                {
                    small[smallCount++] = j;
                }
                else
                {
                    large[largeCount++] = j;
                }
            }

            // Invariant: the remaining weights sum to exactly (remaining count)·2^32, so small and large empty
            // together and every leftover large weight is exactly 2^32.
            while (smallCount > 0 && largeCount > 0)
            {
                int s = small[--smallCount];
                int l = large[largeCount - 1];
                thresholds[s] = (uint)quantized[s];
                aliases[s] = l;
                quantized[l] -= One - quantized[s];
                if (quantized[l] < One)
                {
                    largeCount--;
                    small[smallCount++] = l;
                }
            }

            for (int k = 0; k < largeCount; k++)
            {
                // Alias to itself: kept whatever the draw.
                int l = large[k];
                thresholds[l] = uint.MaxValue;
                aliases[l] = l;
            }

            if (smallCount > 0)
            {
                throw new InvalidOperationException("The alias table lost its balance; the quantized weights did not sum to V·2^32.");
            }
        }
    }
}
