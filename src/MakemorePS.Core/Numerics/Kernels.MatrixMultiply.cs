using System;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination (m×n) = a (m×k) · b (k×n), all row-major: the forward product of a linear layer.</summary>
        /// <remarks>Vectorized with <see cref="System.Numerics.Vector{T}"/> over the columns of b, four vectors of two rows at a time; where the CPU runs 512-bit vectors at full speed, two of those of four rows.</remarks>
        /// <exception cref="ArgumentException">A span does not hold its matrix, or destination overlaps an input.</exception>
        public static void MatrixMultiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination)
            => MatrixMultiply(a, b, m, k, n, destination, wide: true);

        // The product with 512-bit vectors allowed (wide) or not, so that the tests can check the portable path too.
        internal static unsafe void MatrixMultiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination, bool wide)
        {
            CheckProduct(a, m, k, b, k, n, destination, m, n);
            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pd = destination)
            {
                // Row i of a is at i·k, its element q at stride 1.
                MultiplyRowsByB(pa, k, 1, pb, m, k, n, pd, wide);
            }
        }
    }
}
