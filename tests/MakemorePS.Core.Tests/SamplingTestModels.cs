using System.Collections.Generic;
using MakemorePS.Core;

namespace MakemorePS.Core.Tests
{
    /// <summary>Small hand-made models, counted here directly so these tests do not depend on the counting package.</summary>
    internal static class SamplingTestModels
    {
        public static readonly string[] LectureNames = { "emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia" };

        public static BigramCounts Count(IReadOnlyList<string> names)
        {
            Vocabulary vocabulary = Vocabulary.FromNames(names);
            int v = vocabulary.Count;
            var counts = new long[v * v];
            var indices = new List<int>();
            foreach (string name in names)
            {
                Assert(vocabulary.TryEncode(name, indices, out _));
                int previous = Vocabulary.BoundaryIndex;
                foreach (int index in indices)
                {
                    counts[(previous * v) + index]++;
                    previous = index;
                }

                counts[previous * v]++;
            }

            return new BigramCounts(vocabulary, counts, names.Count);
        }

        public static BigramModel Model(IReadOnlyList<string> names, double smoothing = 1.0) =>
            BigramModel.FromCounts(Count(names), smoothing, names);

        /// <summary>Vocabulary {., a, b, c} with every row given by hand (row = current symbol).</summary>
        public static BigramModel Abc(long[] counts, double smoothing, params string[] trainingNames) =>
            BigramModel.FromCounts(new BigramCounts(Vocabulary.FromScalars(new int[] { 'a', 'b', 'c' }), counts, trainingNames.Length), smoothing, trainingNames);

        private static void Assert(bool condition)
        {
            if (!condition)
            {
                throw new System.InvalidOperationException("Test data holds a symbol outside its own vocabulary.");
            }
        }
    }
}
