using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = x[i]·scale.</summary>
        /// <remarks>destination may be the same memory as x (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void Multiply(ReadOnlySpan<float> x, float scale, Span<float> destination)
        {
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Multiply(x, scale, destination);
        }
    }
}
