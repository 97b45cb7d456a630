using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = ln x[i] (−∞ for 0, NaN for negative x).</summary>
        /// <remarks>destination may be the same memory as x (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void Log(ReadOnlySpan<float> x, Span<float> destination)
        {
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Log(x, destination);
        }
    }
}
