using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns Σ_i x[i]·y[i].</summary>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckLengths(x.Length, y.Length, nameof(y));
            return TensorPrimitives.Dot(x, y);
#else
            return DotScalar(x, y);
#endif
        }

        /// <summary>Scalar twin of <see cref="Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
        public static float DotScalar(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
        {
            CheckLengths(x.Length, y.Length, nameof(y));
            float sum = 0f;
            for (int i = 0; i < x.Length; i++)
            {
                sum += x[i] * y[i];
            }

            return sum;
        }
    }
}
