using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>F.cross_entropy(logits, Y): the mean over the batch of −log softmax(logits)[y], computed stably.</summary>
    internal static class SoftmaxCrossEntropy
    {
        /// <summary>
        /// probabilities (N×V) = softmax of each logits row (N×V); returns mean_n (logsumexp(row n) − logits[n, y_n]).
        /// logSumExps (N) is scratch.
        /// </summary>
        public static double Forward(ReadOnlySpan<float> logits, ReadOnlySpan<int> targets, int v, Span<float> logSumExps, Span<float> probabilities)
        {
            Kernels.SoftmaxLogSumExpRows(logits, logSumExps, probabilities);
            double total = 0.0;
            for (int n = 0; n < targets.Length; n++)
            {
                total += logSumExps[n] - logits[(n * v) + targets[n]];
            }

            return total / targets.Length;
        }

        /// <summary>dlogits (N×V) = (softmax − onehot(y)) / N.</summary>
        public static void Backward(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> targets, int v, Span<float> dLogits)
        {
            float inverse = 1f / targets.Length;
            Kernels.Multiply(probabilities, inverse, dLogits);
            for (int n = 0; n < targets.Length; n++)
            {
                dLogits[(n * v) + targets[n]] -= inverse;
            }
        }
    }
}
