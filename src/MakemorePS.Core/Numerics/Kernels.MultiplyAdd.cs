using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = x[i]·scale + addend[i] (axpy; with scale = −lr it is the update W −= lr·g).</summary>
        /// <remarks>destination may be the same memory as x or addend (in place), not a shifted overlap.</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void MultiplyAdd(ReadOnlySpan<float> x, float scale, ReadOnlySpan<float> addend, Span<float> destination)
        {
            CheckLengths(x.Length, addend.Length, nameof(addend));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.MultiplyAdd(x, scale, addend, destination);
        }

        /// <summary>destination[i] = x[i]·y[i] + addend[i] (element-wise fused scale and shift).</summary>
        /// <remarks>destination may be the same memory as an input (in place), not a shifted overlap.</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> addend, Span<float> destination)
        {
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, addend.Length, nameof(addend));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.MultiplyAdd(x, y, addend, destination);
        }
    }
}
