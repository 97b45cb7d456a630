using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns Σ_i x[i]² (the squared Euclidean or Frobenius norm).</summary>
        public static float SumOfSquares(ReadOnlySpan<float> x)
        {
#if HAS_TENSOR_PRIMITIVES
            return TensorPrimitives.SumOfSquares(x);
#else
            return SumOfSquaresScalar(x);
#endif
        }

        /// <summary>Scalar twin of <see cref="SumOfSquares(ReadOnlySpan{float})"/>.</summary>
        public static float SumOfSquaresScalar(ReadOnlySpan<float> x)
        {
            float sum = 0f;
            for (int i = 0; i < x.Length; i++)
            {
                sum += x[i] * x[i];
            }

            return sum;
        }
    }
}
