using System;
using System.Collections.Generic;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Data
{
    /// <summary>The lecture's xs/ys: one (current, next) index pair per bigram of every name, in name order.</summary>
    internal sealed class TrainingExamples
    {
        private TrainingExamples(int[] xs, int[] ys)
        {
            Xs = xs;
            Ys = ys;
        }

        public int[] Xs { get; }

        public int[] Ys { get; }

        public int Count => Xs.Length;

        public static TrainingExamples FromNames(IReadOnlyList<string> names, Vocabulary vocabulary)
        {
            var xs = new List<int>();
            var ys = new List<int>();
            var indices = new List<int>();
            foreach (string name in names)
            {
                if (!vocabulary.TryEncode(name, indices, out string? unknown))
                {
                    throw new ArgumentException($"The name '{name}' holds '{unknown}', which the vocabulary lacks.", nameof(names));
                }

                int previous = Vocabulary.BoundaryIndex;
                foreach (int index in indices)
                {
                    xs.Add(previous);
                    ys.Add(index);
                    previous = index;
                }

                xs.Add(previous);
                ys.Add(Vocabulary.BoundaryIndex);
            }

            return new TrainingExamples(xs.ToArray(), ys.ToArray());
        }
    }
}
