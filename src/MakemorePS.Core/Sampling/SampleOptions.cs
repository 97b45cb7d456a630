using System;

namespace MakemorePS.Core
{
    /// <summary>What <see cref="BigramSampler.Sample(SampleOptions)"/> draws: how many names, from which seed, how.</summary>
    public sealed class SampleOptions
    {
        /// <summary>The default seed, the same as training's and makemore's (2147483647).</summary>
        public const long DefaultSeed = 2147483647L;

        /// <summary>The default maximum name length in symbols.</summary>
        public const int DefaultMaxLength = 64;

        /// <summary>The largest allowed maximum length (2^20 symbols), which keeps the name buffer's size sane.</summary>
        public const int MaxLengthLimit = 1 << 20;

        /// <summary>The default number of draws allowed for one returned name.</summary>
        public const int DefaultMaxAttempts = 1000;

        /// <summary>How many names to return (0 or more; default 1).</summary>
        public int Count { get; set; } = 1;

        /// <summary>Seeds the <see cref="Pcg32"/> generator; the same seed gives the same names on every platform.</summary>
        public long Seed { get; set; } = DefaultSeed;

        /// <summary>
        /// T &gt; 0 (finite): each row p becomes p^(1/T) renormalized. 1 samples the model as it is, values towards 0
        /// approach always taking the most likely symbol, large values approach uniform over the symbols the model allows.
        /// </summary>
        public double Temperature { get; set; } = 1.0;

        /// <summary>
        /// The most symbols (Unicode scalar values, prefix included) a name may have (1 to <see cref="MaxLengthLimit"/>; default 64).
        /// A name that reaches it without the model choosing the end token is cut there.
        /// </summary>
        public int MaxLength { get; set; } = DefaultMaxLength;

        /// <summary>
        /// Text every name starts with and the model continues (null or empty for none). It must consist of the
        /// model's symbols and is kept in the output as given.
        /// </summary>
        public string? Prefix { get; set; }

        /// <summary>Whether names that occur in the model's training names are drawn again (ordinal comparison).</summary>
        public bool ExcludeTrainingNames { get; set; }

        /// <summary>
        /// How many draws in a row may be rejected (empty, or a training name when excluded) before sampling gives up
        /// with <see cref="NoNovelNamesException"/> (1 or more; default 1000). Counted afresh for each returned name.
        /// </summary>
        public int MaxAttempts { get; set; } = DefaultMaxAttempts;

        /// <summary>A copy of these options.</summary>
        public SampleOptions Clone() => (SampleOptions)MemberwiseClone();

        /// <summary>Checks every value.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message says which and why.</exception>
        public void Validate()
        {
            if (Count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Count), Count, "Count must be 0 or more.");
            }

            ValidateTemperature(Temperature, nameof(Temperature));

            ValidateMaxLength(MaxLength, nameof(MaxLength));

            if (MaxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1.");
            }
        }

        internal static void ValidateMaxLength(int maxLength, string parameterName)
        {
            if (maxLength < 1 || maxLength > MaxLengthLimit)
            {
                throw new ArgumentOutOfRangeException(parameterName, maxLength, $"The maximum length must be from 1 to {MaxLengthLimit}.");
            }
        }

        internal static void ValidateTemperature(double temperature, string parameterName)
        {
            if (!(temperature > 0.0) || double.IsInfinity(temperature))
            {
                throw new ArgumentOutOfRangeException(parameterName, temperature, "The temperature must be a finite number greater than 0.");
            }
        }
    }
}
