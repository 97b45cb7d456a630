using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns max_i x[i]; NaN if any x[i] is NaN.</summary>
        /// <exception cref="ArgumentException">x is empty.</exception>
        public static float Max(ReadOnlySpan<float> x)
        {
            CheckNotEmpty(x.Length);
            return TensorPrimitives.Max(x);
        }
    }
}
