using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

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
#if HAS_TENSOR_PRIMITIVES
            CheckNotEmpty(x.Length);
            CheckLengths(x.Length, destination.Length, nameof(destination));
            float max = TensorPrimitives.Max(x);
            TensorPrimitives.Subtract(x, max, destination);
            TensorPrimitives.Exp(destination, destination);
            float sum = TensorPrimitives.Sum(destination);
            TensorPrimitives.Multiply(destination, 1f / sum, destination);
            return max + (float)Math.Log(sum);
#else
            return SoftmaxLogSumExpScalar(x, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="SoftmaxLogSumExp(ReadOnlySpan{float}, Span{float})"/>.</summary>
        public static float SoftmaxLogSumExpScalar(ReadOnlySpan<float> x, Span<float> destination)
        {
            CheckNotEmpty(x.Length);
            CheckLengths(x.Length, destination.Length, nameof(destination));
            float max = x[0];
            for (int i = 1; i < x.Length; i++)
            {
                // NaN must win, as it does in TensorPrimitives.Max, so a bad weight shows up as a NaN loss.
                max = float.IsNaN(x[i]) || x[i] > max ? x[i] : max;
            }

            float sum = 0f;
            for (int i = 0; i < x.Length; i++)
            {
                float e = (float)Math.Exp(x[i] - max);
                destination[i] = e;
                sum += e;
            }

            float inverse = 1f / sum;
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] *= inverse;
            }

            return max + (float)Math.Log(sum);
        }
    }
}
