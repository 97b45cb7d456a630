using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns max_i |x[i]| for finite x (0 for an empty span).</summary>
        public static float MaxMagnitude(ReadOnlySpan<float> x)
        {
            return x.IsEmpty ? 0f : Math.Abs(TensorPrimitives.MaxMagnitude(x));
        }
    }
}
