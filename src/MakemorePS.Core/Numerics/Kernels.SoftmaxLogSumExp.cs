using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>
        /// destination[i] = exp(x[i] − m) / s and returns m + ln s, the log-sum-exp of x, where m = max(x) and
        /// s = Σ_j exp(x[j] − m): a stable softmax and its normalizer in one pass, finite for logits of any size.
        /// </summary>
        /// <remarks>The cross-entropy of target y is then <c>returned − x[y]</c>, with no log of a rounded probability.</remarks>
        /// <exception cref="ArgumentException">x is empty, or the lengths differ.</exception>
        public static float SoftmaxLogSumExp(ReadOnlySpan<float> x, Span<float> destination)
        {
            CheckNotEmpty(x.Length);
            CheckLengths(x.Length, destination.Length, nameof(destination));
            float max = TensorPrimitives.Max(x);
            TensorPrimitives.Subtract(x, max, destination);
            TensorPrimitives.Exp(destination, destination);
            float sum = TensorPrimitives.Sum(destination);
            TensorPrimitives.Multiply(destination, 1f / sum, destination);
            return max + (float)Math.Log(sum);
        }
    }
}
