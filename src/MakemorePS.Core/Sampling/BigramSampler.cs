using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// Draws names from a <see cref="BigramModel"/> as makemore does: start at '.', draw the next symbol from the
    /// current symbol's row, stop at '.'. Each draw is O(1) through per-row alias tables built once here.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Reproducible: all randomness comes from <see cref="Pcg32"/>, and the sampling path uses only its 32-bit integer
    /// outputs against integer tables (see the alias construction), so a seed gives the same names on every platform
    /// and runtime for the same probabilities. Count models at temperature 1 involve only correctly rounded arithmetic
    /// from counts to tables. A neural model's softmax and a temperature other than 1 go through Math.Exp/Math.Log,
    /// which C runtimes may round differently in the last bit; the 2^-32 quantization of the tables absorbs such a
    /// difference except in vanishingly rare cases.
    /// </para>
    /// <para>Thread-safe: the sampler is immutable after construction and every call brings its own generator.</para>
    /// <para>
    /// Empty names: the model may choose '.' straight after the start (makemore prints such a sample as an empty
    /// line). <see cref="SampleOne(Pcg32, string?, int)"/> returns it as "", since it is a real draw of the model;
    /// <see cref="Sample(SampleOptions)"/> skips it and counts the draw as a rejected attempt, since an empty name
    /// is of no use to someone asking for names.
    /// </para>
    /// </remarks>
    public sealed class BigramSampler : INameSampler
    {
        private const int StackBufferLimit = 512;

        private readonly BigramAliasTable _table;

        // UTF-16 units of each symbol: two slots per symbol, the second used only by surrogate pairs.
        private readonly char[] _symbolUnits;
        private readonly byte[] _symbolLengths;

        /// <summary>Builds the alias tables of <paramref name="model"/> at <paramref name="temperature"/> (O(V²) once).</summary>
        /// <param name="model">The model to sample from.</param>
        /// <param name="temperature">T &gt; 0, finite; each row p becomes p^(1/T) renormalized (default 1: the model as it is).</param>
        /// <exception cref="ArgumentOutOfRangeException">The temperature is not a finite number greater than 0.</exception>
        public BigramSampler(BigramModel model, double temperature = 1.0)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            SampleOptions.ValidateTemperature(temperature, nameof(temperature));
            Temperature = temperature;
            _table = BigramAliasTable.Create(model.Probabilities, model.VocabularySize, temperature);

            Vocabulary vocabulary = model.Vocabulary;
            _symbolUnits = new char[2 * vocabulary.Count];
            _symbolLengths = new byte[vocabulary.Count];
            for (int i = 0; i < vocabulary.Count; i++)
            {
                string symbol = vocabulary.GetSymbol(i);
                _symbolLengths[i] = (byte)symbol.Length;
                symbol.CopyTo(0, _symbolUnits, 2 * i, symbol.Length);
            }
        }

        /// <summary>The model this sampler draws from.</summary>
        public BigramModel Model { get; }

        /// <summary>The temperature the tables were built for.</summary>
        public double Temperature { get; }

        /// <summary>Draws names from <paramref name="model"/> as <paramref name="options"/> say (builds a sampler for its temperature).</summary>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        /// <exception cref="UnknownCharacterException">The prefix holds a symbol the model does not know.</exception>
        /// <exception cref="InvalidNameException">The prefix holds the boundary token '.' or an unpaired surrogate.</exception>
        public static IEnumerable<string> Sample(BigramModel model, SampleOptions options)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            return new BigramSampler(model, options.Temperature).Sample(options);
        }

        /// <summary>
        /// Lazily draws <see cref="SampleOptions.Count"/> names. Each enumeration starts afresh from
        /// <see cref="SampleOptions.Seed"/>, so it yields the same names every time. The options are read when this
        /// method is called, and checked then (not on first enumeration).
        /// </summary>
        /// <remarks>
        /// Empty draws are skipped, and with <see cref="SampleOptions.ExcludeTrainingNames"/> so are training names;
        /// each skip counts as an attempt, and after <see cref="SampleOptions.MaxAttempts"/> rejected draws in a row
        /// the enumeration throws <see cref="NoNovelNamesException"/> (the names already yielded stay valid).
        /// Names returned may repeat each other. When <see cref="SampleOptions.Temperature"/> differs from
        /// <see cref="Temperature"/>, tables for it are built first.
        /// </remarks>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        /// <exception cref="ArgumentException">The prefix is longer than <see cref="SampleOptions.MaxLength"/>.</exception>
        /// <exception cref="UnknownCharacterException">The prefix holds a symbol the model does not know.</exception>
        /// <exception cref="InvalidNameException">The prefix holds the boundary token '.' or an unpaired surrogate.</exception>
        public IEnumerable<string> Sample(SampleOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            BigramSampler sampler = options.Temperature == Temperature ? this : new BigramSampler(Model, options.Temperature);
            Prefix prefix = sampler.EncodePrefix(options.Prefix, options.MaxLength);
            return sampler.SampleLazily(options.Count, options.Seed, prefix, options.MaxLength, options.ExcludeTrainingNames, options.MaxAttempts);
        }

        /// <summary>
        /// Draws one name with <paramref name="rng"/>: the prefix, then symbols until the model chooses '.' or the
        /// name has <paramref name="maxLength"/> symbols (then it is cut there). Returns "" when the model ends the
        /// name at once; no training names are excluded here.
        /// </summary>
        /// <param name="rng">The generator to draw from; it advances by two 32-bit outputs per symbol drawn (rarely more).</param>
        /// <param name="prefix">Text the name starts with, made of the model's symbols; null or empty for none.</param>
        /// <param name="maxLength">The most symbols (prefix included) the name may have: 1 to <see cref="SampleOptions.MaxLengthLimit"/>, and at least the prefix's length.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below 1 or above <see cref="SampleOptions.MaxLengthLimit"/>.</exception>
        /// <exception cref="ArgumentException">The prefix is longer than <paramref name="maxLength"/>.</exception>
        /// <exception cref="UnknownCharacterException">The prefix holds a symbol the model does not know.</exception>
        /// <exception cref="InvalidNameException">The prefix holds the boundary token '.' or an unpaired surrogate.</exception>
        public string SampleOne(Pcg32 rng, string? prefix = null, int maxLength = SampleOptions.DefaultMaxLength)
        {
            if (rng is null)
            {
                throw new ArgumentNullException(nameof(rng));
            }

            SampleOptions.ValidateMaxLength(maxLength, nameof(maxLength));

            Prefix encoded = EncodePrefix(prefix, maxLength);
            int units = 2 * maxLength;
            Span<char> buffer = units <= StackBufferLimit ? stackalloc char[units] : new char[units];
            return Draw(rng, encoded, maxLength, buffer);
        }

        /// <summary>The exact probability with which the tables draw <paramref name="next"/> after <paramref name="current"/>.</summary>
        internal double GetTableProbability(int current, int next) => _table.GetProbability(current, next);

        private IEnumerable<string> SampleLazily(int count, long seed, Prefix prefix, int maxLength, bool excludeTrainingNames, int maxAttempts)
        {
            var rng = new Pcg32(seed);
            var buffer = new char[2 * maxLength];
            for (int produced = 0; produced < count; produced++)
            {
                string? name = null;
                for (int attempt = 0; attempt < maxAttempts; attempt++)
                {
                    string candidate = Draw(rng, prefix, maxLength, buffer);
                    if (candidate.Length > 0 && !(excludeTrainingNames && Model.IsTrainingName(candidate)))
                    {
                        name = candidate;
                        break;
                    }
                }

                if (name is null)
                {
                    throw new NoNovelNamesException(maxAttempts, produced);
                }

                yield return name;
            }
        }

        private unsafe string Draw(Pcg32 rng, Prefix prefix, int maxLength, Span<char> buffer)
        {
            string text = prefix.Text;
            text.AsSpan().CopyTo(buffer);
            int position = text.Length;
            int current = prefix.LastIndex;
            uint size = (uint)_table.Size;

            // The same draws as BigramAliasTable.Next (Lemire's bounded column, then the 32-bit coin), inlined with
            // unchecked table reads: this loop is the whole cost of sampling.
            fixed (uint* thresholds = _table.Thresholds)
            fixed (int* aliases = _table.Aliases)
            fixed (char* units = _symbolUnits)
            fixed (byte* lengths = _symbolLengths)
            fixed (char* output = buffer)
            {
                for (int length = prefix.SymbolCount; length < maxLength; length++)
                {
                    ulong product = (ulong)rng.NextUInt32() * size;
                    if ((uint)product < size)
                    {
                        uint rejectBelow = unchecked(0u - size) % size;
                        while ((uint)product < rejectBelow)
                        {
                            product = (ulong)rng.NextUInt32() * size;
                        }
                    }

                    int column = (int)(product >> 32);
                    int slot = (current * (int)size) + column;
                    int next = rng.NextUInt32() < thresholds[slot] ? column : aliases[slot];
                    if (next == Vocabulary.BoundaryIndex)
                    {
                        break;
                    }

                    output[position] = units[2 * next];
                    if (lengths[next] == 2)
                    {
                        output[position + 1] = units[(2 * next) + 1];
                    }

                    position += lengths[next];
                    current = next;
                }
            }

            return position == 0 ? string.Empty : buffer.Slice(0, position).ToString();
        }

        private Prefix EncodePrefix(string? prefix, int maxLength)
        {
            int[] indices = NameSampling.EncodePrefix(Model.Vocabulary, prefix, maxLength);
            return indices.Length == 0
                ? new Prefix(string.Empty, 0, Vocabulary.BoundaryIndex)
                : new Prefix(prefix!, indices.Length, indices[indices.Length - 1]);
        }

        private readonly struct Prefix
        {
            public Prefix(string text, int symbolCount, int lastIndex)
            {
                Text = text;
                SymbolCount = symbolCount;
                LastIndex = lastIndex;
            }

            public string Text { get; }

            public int SymbolCount { get; }

            public int LastIndex { get; }
        }
    }
}
