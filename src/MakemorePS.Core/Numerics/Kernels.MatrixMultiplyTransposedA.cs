using System;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination (k×n) = aᵀ · b, where a is m×k and b is m×n, all row-major: the weight gradient of a linear layer.</summary>
        /// <remarks>Vectorized with <see cref="System.Numerics.Vector{T}"/> (or 512-bit vectors where the CPU runs them at full speed) over the columns of b; a is read down its columns.</remarks>
        /// <exception cref="ArgumentException">A span does not hold its matrix, or destination overlaps an input.</exception>
        public static void MatrixMultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination)
            => MatrixMultiplyTransposedA(a, b, m, k, n, destination, wide: true);

        // The product with 512-bit vectors allowed (wide) or not, so that the tests can check the portable path too.
        internal static unsafe void MatrixMultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination, bool wide)
        {
            CheckProduct(a, m, k, b, m, n, destination, k, n);
            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pd = destination)
            {
                // Row p of aᵀ is column p of a: it starts at p and steps by k.
                MultiplyRowsByB(pa, 1, k, pb, k, m, n, pd, wide);
            }
        }
    }
}
