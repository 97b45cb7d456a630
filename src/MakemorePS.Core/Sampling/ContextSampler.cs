using System;
using System.Collections.Generic;
using System.Text;
using MakemorePS.Core.Models;

namespace MakemorePS.Core
{
    /// <summary>
    /// Draws names from any <see cref="ILanguageModel"/>, one symbol at a time given the last
    /// <see cref="ILanguageModel.ContextLength"/> symbols, reproducibly for a seed. Names are drawn in batches, so the
    /// model is asked for the next-symbol distributions of many contexts at once.
    /// </summary>
    /// <remarks>
    /// Each drawn name has a generator of its own, seeded from the seed and the name's place in the sequence of draws
    /// (see <see cref="DrawGenerator"/>), and each of its symbols takes one <see cref="Pcg32.NextDouble"/> (inverse
    /// CDF over the tempered row). So a seed gives one fixed sequence of names however many are asked for and however
    /// they are batched: the first k of n names are the names of a call for k. Empty draws are skipped, and with
    /// <see cref="SampleOptions.ExcludeTrainingNames"/> so are training names; after
    /// <see cref="SampleOptions.MaxAttempts"/> rejected draws in a row the enumeration throws
    /// <see cref="NoNovelNamesException"/>.
    /// </remarks>
    public sealed class ContextSampler : INameSampler
    {
        // Names drawn side by side: one call of the model per symbol position serves this many names.
        private const int BatchSize = 256;

        private readonly int _contextLength;
        private readonly int _size;

        /// <summary>Prepares to draw from <paramref name="model"/> at <paramref name="temperature"/>.</summary>
        /// <param name="model">The model.</param>
        /// <param name="temperature">T &gt; 0, finite: ln p is divided by T before renormalizing (default 1).</param>
        /// <exception cref="ArgumentOutOfRangeException">The temperature is not a finite number greater than 0.</exception>
        public ContextSampler(ILanguageModel model, double temperature = 1.0)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            SampleOptions.ValidateTemperature(temperature, nameof(temperature));
            Temperature = temperature;
            _contextLength = model.ContextLength;
            _size = model.Vocabulary.Count;
            if (_contextLength < 1)
            {
                throw new ArgumentException($"A language model needs a context of at least one symbol; this one has {_contextLength}.", nameof(model));
            }
        }

        /// <summary>The model this sampler draws from.</summary>
        public ILanguageModel Model { get; }

        /// <inheritdoc/>
        public double Temperature { get; }

        /// <inheritdoc/>
        public IEnumerable<string> Sample(SampleOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            int[] prefix = NameSampling.EncodePrefix(Model.Vocabulary, options.Prefix, options.MaxLength);
            return SampleLazily(options.Clone(), prefix);
        }

        private IEnumerable<string> SampleLazily(SampleOptions options, int[] prefix)
        {
            var batch = new NameBatch(this, Math.Min(BatchSize, Math.Max(options.Count, 1)), prefix, options.Prefix ?? string.Empty);
            long drawn = 0;
            int produced = 0;
            int rejectedInARow = 0;
            while (produced < options.Count)
            {
                int slots = Math.Min(batch.Capacity, options.Count - produced);
                batch.Draw(options.Seed, drawn, slots, options.MaxLength, options.Temperature);
                drawn += slots;
                for (int slot = 0; slot < slots; slot++)
                {
                    string candidate = batch.GetName(slot);
                    if (candidate.Length == 0 || (options.ExcludeTrainingNames && Model.IsTrainingName(candidate)))
                    {
                        if (++rejectedInARow >= options.MaxAttempts)
                        {
                            throw new NoNovelNamesException(options.MaxAttempts, produced);
                        }

                        continue;
                    }

                    rejectedInARow = 0;
                    produced++;
                    yield return candidate;
                    if (produced == options.Count)
                    {
                        yield break;
                    }
                }
            }
        }

        /// <summary>
        /// The generator of the draw at <paramref name="index"/> (0 for the first name drawn) for <paramref name="seed"/>:
        /// seeded with output index + 1 of SplitMix64 started at the seed, which spreads neighbouring seeds and indices
        /// over unrelated PCG32 states.
        /// </summary>
        private static Pcg32 DrawGenerator(long seed, long index)
        {
            ulong z = unchecked((ulong)seed + ((ulong)(index + 1) * 0x9E3779B97F4A7C15UL));
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            return new Pcg32(unchecked((long)(z ^ (z >> 31))));
        }

        /// <summary>
        /// Draws a symbol from one row of ln p at temperature T: weights exp((ln p − max) / T), then the inverse CDF
        /// of one uniform number. Returns the boundary when the row has no finite entry.
        /// </summary>
        private static int DrawSymbol(ReadOnlySpan<double> logProbabilities, double temperature, double uniform, Span<double> weights)
        {
            double max = double.NegativeInfinity;
            foreach (double value in logProbabilities)
            {
                if (value > max)
                {
                    max = value;
                }
            }

            if (double.IsNegativeInfinity(max) || double.IsNaN(max))
            {
                throw new InvalidOperationException("The model gave no usable next-symbol distribution (every probability was 0 or NaN); it cannot be sampled.");
            }

            double inverse = 1.0 / temperature;
            double sum = 0.0;
            for (int j = 0; j < logProbabilities.Length; j++)
            {
                // exp(−∞) = 0 for impossible symbols; NaN entries are treated as impossible.
                double w = logProbabilities[j] >= double.MinValue ? Math.Exp((logProbabilities[j] - max) * inverse) : 0.0;
                weights[j] = w;
                sum += w;
            }

            double target = uniform * sum;
            double cumulative = 0.0;
            int last = 0;
            for (int j = 0; j < weights.Length; j++)
            {
                if (weights[j] <= 0.0)
                {
                    continue;
                }

                cumulative += weights[j];
                last = j;
                if (target < cumulative)
                {
                    return j;
                }
            }

            // Rounding left the target at the very top of the sum: the last possible symbol.
            return last;
        }

        /// <summary>The names of one batch being drawn, with their contexts; reused from batch to batch.</summary>
        private sealed class NameBatch
        {
            private readonly ContextSampler _sampler;
            private readonly int[] _prefix;
            private readonly string _prefixText;
            private readonly int[] _contexts;
            private readonly int[] _activeContexts;
            private readonly int[] _activeSlots;
            private readonly double[] _logProbabilities;
            private readonly double[] _weights;
            private readonly StringBuilder[] _names;
            private readonly int[] _lengths;
            private readonly Pcg32[] _generators;

            public NameBatch(ContextSampler sampler, int capacity, int[] prefix, string prefixText)
            {
                _sampler = sampler;
                Capacity = capacity;
                _prefix = prefix;
                _prefixText = prefixText;
                int k = sampler._contextLength;
                _contexts = new int[capacity * k];
                _activeContexts = new int[capacity * k];
                _activeSlots = new int[capacity];
                _logProbabilities = new double[capacity * sampler._size];
                _weights = new double[sampler._size];
                _names = new StringBuilder[capacity];
                _lengths = new int[capacity];
                _generators = new Pcg32[capacity];
                for (int i = 0; i < capacity; i++)
                {
                    _names[i] = new StringBuilder();
                }
            }

            public int Capacity { get; }

            public string GetName(int slot) => _names[slot].ToString();

            /// <summary>Draws the names at <paramref name="firstIndex"/> onwards of the seed's sequence into the first <paramref name="slots"/> slots.</summary>
            public void Draw(long seed, long firstIndex, int slots, int maxLength, double temperature)
            {
                int k = _sampler._contextLength;
                int v = _sampler._size;
                Vocabulary vocabulary = _sampler.Model.Vocabulary;
                for (int slot = 0; slot < slots; slot++)
                {
                    Span<int> context = _contexts.AsSpan(slot * k, k);
                    for (int c = 0; c < k; c++)
                    {
                        int source = _prefix.Length - k + c;
                        context[c] = source < 0 ? Vocabulary.BoundaryIndex : _prefix[source];
                    }

                    _names[slot].Clear().Append(_prefixText);
                    _lengths[slot] = _prefix.Length;
                    _generators[slot] = DrawGenerator(seed, firstIndex + slot);
                }

                while (true)
                {
                    int active = 0;
                    for (int slot = 0; slot < slots; slot++)
                    {
                        if (_lengths[slot] < maxLength)
                        {
                            _contexts.AsSpan(slot * k, k).CopyTo(_activeContexts.AsSpan(active * k, k));
                            _activeSlots[active++] = slot;
                        }
                    }

                    if (active == 0)
                    {
                        return;
                    }

                    _sampler.Model.NextSymbolLogProbabilities(_activeContexts.AsSpan(0, active * k), active, _logProbabilities.AsSpan(0, active * v));
                    for (int a = 0; a < active; a++)
                    {
                        int slot = _activeSlots[a];
                        int next = DrawSymbol(_logProbabilities.AsSpan(a * v, v), temperature, _generators[slot].NextDouble(), _weights);
                        if (next == Vocabulary.BoundaryIndex)
                        {
                            // Finished: marked by a length no draw continues from.
                            _lengths[slot] = int.MaxValue;
                            continue;
                        }

                        _names[slot].Append(vocabulary.GetSymbol(next));
                        _lengths[slot]++;
                        Span<int> context = _contexts.AsSpan(slot * k, k);
                        context.Slice(1).CopyTo(context);
                        context[k - 1] = next;
                    }
                }
            }
        }
    }
}
