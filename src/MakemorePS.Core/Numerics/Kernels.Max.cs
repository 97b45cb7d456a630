using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns max_i x[i]; NaN if any x[i] is NaN.</summary>
        /// <exception cref="ArgumentException">x is empty.</exception>
        public static float Max(ReadOnlySpan<float> x)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckNotEmpty(x.Length);
            return TensorPrimitives.Max(x);
#else
            return MaxScalar(x);
#endif
        }

        /// <summary>Scalar twin of <see cref="Max(ReadOnlySpan{float})"/>.</summary>
        public static float MaxScalar(ReadOnlySpan<float> x)
        {
            CheckNotEmpty(x.Length);
            float max = x[0];
            for (int i = 1; i < x.Length; i++)
            {
                // NaN wins, as in TensorPrimitives.Max, so a bad weight cannot hide.
                max = float.IsNaN(x[i]) || x[i] > max ? x[i] : max;
            }

            return max;
        }
    }
}
