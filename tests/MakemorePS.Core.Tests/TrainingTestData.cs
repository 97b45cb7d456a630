using System;
using System.Collections.Generic;
using System.Linq;
using MakemorePS.Core;

namespace MakemorePS.Core.Tests
{
    /// <summary>Seeded data sets and a plain reference implementation of the neural bigram model for the training tests.</summary>
    internal static class TrainingTestData
    {
        /// <summary>Seeded random names over the first <paramref name="letters"/> lower-case letters.</summary>
        public static string[] RandomNames(int count, int letters, long seed, int maxLength = 8)
        {
            var rng = new Pcg32(seed);
            var names = new string[count];
            for (int n = 0; n < count; n++)
            {
                int length = 1 + (int)rng.NextUInt32((uint)maxLength);
                var chars = new char[length];
                for (int c = 0; c < length; c++)
                {
                    chars[c] = (char)('a' + rng.NextUInt32((uint)letters));
                }

                names[n] = new string(chars);
            }

            return names;
        }

        /// <summary>The bigrams of the names in name order: '.', the characters, '.'.</summary>
        public static void Examples(Vocabulary vocabulary, IEnumerable<string> names, out int[] xs, out int[] ys)
        {
            var inputs = new List<int>();
            var targets = new List<int>();
            foreach (string name in names)
            {
                int previous = Vocabulary.BoundaryIndex;
                foreach (char c in name)
                {
                    int next = vocabulary.IndexOf(c.ToString());
                    inputs.Add(previous);
                    targets.Add(next);
                    previous = next;
                }

                inputs.Add(previous);
                targets.Add(Vocabulary.BoundaryIndex);
            }

            xs = inputs.ToArray();
            ys = targets.ToArray();
        }

        public static BigramCounts Count(IReadOnlyList<string> names)
        {
            Vocabulary vocabulary = Vocabulary.FromNames(names);
            Examples(vocabulary, names, out int[] xs, out int[] ys);
            int v = vocabulary.Count;
            var table = new long[v * v];
            for (int b = 0; b < xs.Length; b++)
            {
                table[(xs[b] * v) + ys[b]]++;
            }

            return new BigramCounts(vocabulary, table, names.Count);
        }

        /// <summary>Counts in which every bigram occurs (1..maxCount times), over the first letters of the alphabet.</summary>
        public static BigramCounts EveryBigramOccurs(int letters, long seed, int maxCount = 40)
        {
            Vocabulary vocabulary = Vocabulary.FromScalars(Enumerable.Range('a', letters).ToArray());
            int v = vocabulary.Count;
            var rng = new Pcg32(seed);
            var table = new long[v * v];
            for (int cell = 0; cell < table.Length; cell++)
            {
                table[cell] = 1 + rng.NextUInt32((uint)maxCount);
            }

            return new BigramCounts(vocabulary, table, nameCount: 0);
        }

        public static float[] Gaussian(int length, long seed, double scale = 1.0)
        {
            var rng = new Pcg32(seed);
            var values = new float[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = (float)(scale * rng.NextGaussian());
            }

            return values;
        }

        public static double Norm(ReadOnlySpan<float> x)
        {
            double sum = 0.0;
            foreach (float value in x)
            {
                sum += (double)value * value;
            }

            return Math.Sqrt(sum);
        }

        public static double DistanceTo(ReadOnlySpan<float> x, ReadOnlySpan<double> y)
        {
            double sum = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                double d = x[i] - y[i];
                sum += d * d;
            }

            return Math.Sqrt(sum);
        }

        public static double Norm(ReadOnlySpan<double> x)
        {
            double sum = 0.0;
            foreach (double value in x)
            {
                sum += value * value;
            }

            return Math.Sqrt(sum);
        }
    }

    /// <summary>
    /// The lecture's computation written out literally in double with scalar loops: xenc = one-hot(xs) (B,V),
    /// logits = xenc @ W, probs = softmax(logits) (max subtracted), loss = −mean(log probs[b, ys[b]]) + λ·mean(W²),
    /// dlogits = (probs − one-hot(ys))/B, dW = xencᵀ @ dlogits + 2λ/V²·W. Slow on purpose: it is the yardstick.
    /// </summary>
    internal static class ReferenceBigramNet
    {
        public static double Loss(int v, ReadOnlySpan<double> weights, int[] xs, int[] ys, double regularization, double[]? gradient = null)
        {
            int batch = xs.Length;
            var xenc = new double[batch, v];
            for (int b = 0; b < batch; b++)
            {
                xenc[b, xs[b]] = 1.0;
            }

            var logits = new double[batch, v];
            for (int b = 0; b < batch; b++)
            {
                for (int j = 0; j < v; j++)
                {
                    double sum = 0.0;
                    for (int k = 0; k < v; k++)
                    {
                        sum += xenc[b, k] * weights[(k * v) + j];
                    }

                    logits[b, j] = sum;
                }
            }

            var probs = new double[batch, v];
            double nll = 0.0;
            for (int b = 0; b < batch; b++)
            {
                double max = double.NegativeInfinity;
                for (int j = 0; j < v; j++)
                {
                    max = Math.Max(max, logits[b, j]);
                }

                double total = 0.0;
                for (int j = 0; j < v; j++)
                {
                    probs[b, j] = Math.Exp(logits[b, j] - max);
                    total += probs[b, j];
                }

                for (int j = 0; j < v; j++)
                {
                    probs[b, j] /= total;
                }

                nll -= Math.Log(probs[b, ys[b]]);
            }

            double squares = 0.0;
            foreach (double w in weights)
            {
                squares += w * w;
            }

            double loss = (nll / batch) + (regularization * squares / (v * v));
            if (gradient != null)
            {
                var dlogits = new double[batch, v];
                for (int b = 0; b < batch; b++)
                {
                    for (int j = 0; j < v; j++)
                    {
                        dlogits[b, j] = (probs[b, j] - (ys[b] == j ? 1.0 : 0.0)) / batch;
                    }
                }

                for (int k = 0; k < v; k++)
                {
                    for (int j = 0; j < v; j++)
                    {
                        double sum = 0.0;
                        for (int b = 0; b < batch; b++)
                        {
                            sum += xenc[b, k] * dlogits[b, j];
                        }

                        gradient[(k * v) + j] = sum + (2.0 * regularization / (v * v) * weights[(k * v) + j]);
                    }
                }
            }

            return loss;
        }

        public static double[] ToDouble(float[] values) => values.Select(x => (double)x).ToArray();
    }
}
