using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns Σ_i x[i]·y[i].</summary>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
        {
            CheckLengths(x.Length, y.Length, nameof(y));
            return TensorPrimitives.Dot(x, y);
        }
    }
}
