using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = exp(x[i] − shift); with shift ≥ max(x) no element can overflow.</summary>
        /// <remarks>destination may be the same memory as x (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void ExpShifted(ReadOnlySpan<float> x, float shift, Span<float> destination)
        {
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Subtract(x, shift, destination);
            TensorPrimitives.Exp(destination, destination);
        }
    }
}
