using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns Σ_i x[i]² (the squared Euclidean or Frobenius norm).</summary>
        public static float SumOfSquares(ReadOnlySpan<float> x)
        {
            return TensorPrimitives.SumOfSquares(x);
        }
    }
}
