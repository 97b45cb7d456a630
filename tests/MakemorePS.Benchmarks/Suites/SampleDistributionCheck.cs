using System;
using System.Collections.Generic;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// Checks that a sampler draws from its model: samplers built on different algorithms cannot agree name for name,
    /// so they are held to the model's probabilities instead.
    /// </summary>
    internal static class SampleDistributionCheck
    {
        /// <summary>How many names each sampler draws for the check.</summary>
        public const int NameCount = 200_000;

        // A row is compared once it was left this often; there the expected total-variation distance between the
        // observed and the true next-symbol frequencies is below 0.01, while a sampler that reads the wrong row or
        // column is off by far more than the limit.
        private const int MinRowVisits = 50_000;
        private const double MaxTotalVariation = 0.03;
        private const int MinRowsCompared = 5;

        /// <summary>
        /// Throws unless every name is made of the model's symbols, is no longer than <paramref name="maxLength"/>, is not
        /// empty unless <paramref name="emptyAllowed"/>, and the observed next-symbol frequencies of every row visited at
        /// least 50,000 times are within a total-variation distance of 0.03 of the model's probabilities.
        /// </summary>
        public static void Require(string what, BigramModel model, int maxLength, bool emptyAllowed, IEnumerable<string> names)
        {
            int v = model.VocabularySize;
            double[] probabilities = model.GetProbabilities();
            var transitions = new long[v * v];
            var indices = new List<int>();
            int drawn = 0;
            foreach (string name in names)
            {
                drawn++;
                if (!model.Vocabulary.TryEncode(name, indices, out string? unknown))
                {
                    throw new InvalidOperationException($"{what} drew '{name}', whose symbol '{unknown}' the model lacks.");
                }

                if (indices.Count > maxLength || (indices.Count == 0 && !emptyAllowed))
                {
                    throw new InvalidOperationException($"{what} drew '{name}' ({indices.Count} symbols; the limit is {maxLength}, and empty names are {(emptyAllowed ? "allowed" : "not allowed")}).");
                }

                int previous = Vocabulary.BoundaryIndex;
                foreach (int index in indices)
                {
                    transitions[(previous * v) + index]++;
                    previous = index;
                }

                if (indices.Count < maxLength)
                {
                    transitions[(previous * v) + Vocabulary.BoundaryIndex]++;
                }
            }

            if (drawn != NameCount)
            {
                throw new InvalidOperationException($"{what} drew {drawn} names; the check asked for {NameCount}.");
            }

            int compared = 0;
            for (int row = 0; row < v; row++)
            {
                long visits = 0;
                for (int j = 0; j < v; j++)
                {
                    visits += transitions[(row * v) + j];
                }

                if (visits < MinRowVisits)
                {
                    continue;
                }

                // Without empty names the first symbol is drawn from row '.' without the boundary itself.
                double excluded = row == Vocabulary.BoundaryIndex && !emptyAllowed ? probabilities[0] : 0.0;
                double distance = 0;
                for (int j = 0; j < v; j++)
                {
                    double expected = row == Vocabulary.BoundaryIndex && !emptyAllowed
                        ? (j == 0 ? 0.0 : probabilities[j] / (1.0 - excluded))
                        : probabilities[(row * v) + j];
                    distance += Math.Abs(((double)transitions[(row * v) + j] / visits) - expected);
                }

                distance /= 2;
                if (distance > MaxTotalVariation)
                {
                    throw new InvalidOperationException($"{what} drew the symbols after '{model.Vocabulary.GetSymbol(row)}' at a total-variation distance of {distance:F4} from the model's probabilities ({visits} draws); the limit is {MaxTotalVariation}.");
                }

                compared++;
            }

            if (compared < MinRowsCompared)
            {
                throw new InvalidOperationException($"{what}: only {compared} rows were visited {MinRowVisits} times; the check needs {MinRowsCompared}.");
            }
        }

        /// <summary>The first <see cref="NameCount"/> names of a draw function.</summary>
        public static IEnumerable<string> Draw(Func<string> draw)
        {
            for (int i = 0; i < NameCount; i++)
            {
                yield return draw();
            }
        }
    }
}
