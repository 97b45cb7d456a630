using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = x[i]·y[i].</summary>
        /// <remarks>destination may be the same memory as x or y (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        {
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Multiply(x, y, destination);
        }
    }
}
