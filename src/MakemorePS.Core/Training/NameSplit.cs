using System;
using System.Collections.Generic;
using System.Linq;

namespace MakemorePS.Core
{
    /// <summary>
    /// A seeded train/dev/test split of names, as in makemore part 2 (shuffle, then 80% / 10% / 10%), usable with any
    /// model: the same names and seed always give the same three lists, on every platform.
    /// </summary>
    /// <remarks>
    /// The shuffle is the lecture's: <c>random.seed(seed); random.shuffle(names)</c> in Python, reproduced exactly by
    /// <see cref="Mt19937"/>. So makemore's names.txt with seed 42 gives the lecture's Xtr, Xdev and Xte. The first
    /// ⌊trainFraction·n⌋ shuffled names are the training set, the next ones up to ⌊(trainFraction + devFraction)·n⌋ the
    /// dev set, the rest the test set, as the lecture's <c>int(0.8*len(words))</c> and <c>int(0.9*len(words))</c> cut them.
    /// </remarks>
    public sealed class NameSplit
    {
        /// <summary>The lecture's seed for the split (42).</summary>
        public const long DefaultSeed = 42;

        private NameSplit(string[] train, string[] dev, string[] test, long seed)
        {
            Train = train;
            Dev = dev;
            Test = test;
            Seed = seed;
        }

        /// <summary>The training names, in shuffled order.</summary>
        public IReadOnlyList<string> Train { get; }

        /// <summary>The dev (validation) names, in shuffled order.</summary>
        public IReadOnlyList<string> Dev { get; }

        /// <summary>The test names, in shuffled order.</summary>
        public IReadOnlyList<string> Test { get; }

        /// <summary>The seed of the shuffle.</summary>
        public long Seed { get; }

        /// <summary>Shuffles <paramref name="names"/> with <paramref name="seed"/> and cuts them into train, dev and test.</summary>
        /// <param name="names">The names; duplicates are kept, each occurrence a separate item.</param>
        /// <param name="seed">Seeds the shuffle (default 42).</param>
        /// <param name="trainFraction">The share of training names (default 0.8).</param>
        /// <param name="devFraction">The share of dev names (default 0.1); the rest is the test set.</param>
        /// <exception cref="ArgumentOutOfRangeException">A fraction is below 0, or the two add up to more than 1.</exception>
        public static NameSplit Create(IEnumerable<string> names, long seed = DefaultSeed, double trainFraction = 0.8, double devFraction = 0.1)
        {
            if (names is null)
            {
                throw new ArgumentNullException(nameof(names));
            }

            if (!(trainFraction >= 0.0 && trainFraction <= 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "The training fraction must be from 0 to 1.");
            }

            if (!(devFraction >= 0.0 && trainFraction + devFraction <= 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(devFraction), devFraction, "The dev fraction must be 0 or more, and the training and dev fractions must add up to at most 1.");
            }

            string[] shuffled = names.ToArray();
            new Mt19937(seed).Shuffle(shuffled);

            int n1 = (int)(trainFraction * shuffled.Length);
            int n2 = Math.Max(n1, Math.Min(shuffled.Length, (int)((trainFraction + devFraction) * shuffled.Length)));
            return new NameSplit(shuffled.Take(n1).ToArray(), shuffled.Skip(n1).Take(n2 - n1).ToArray(), shuffled.Skip(n2).ToArray(), seed);
        }
    }
}
