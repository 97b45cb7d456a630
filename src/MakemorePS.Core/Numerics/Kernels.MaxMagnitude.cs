using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns max_i |x[i]|: NaN when any x[i] is NaN, +∞ when any is infinite, 0 for an empty span (so one pass also tells whether x is finite).</summary>
        public static float MaxMagnitude(ReadOnlySpan<float> x)
        {
            return x.IsEmpty ? 0f : Math.Abs(TensorPrimitives.MaxMagnitude(x));
        }
    }
}
