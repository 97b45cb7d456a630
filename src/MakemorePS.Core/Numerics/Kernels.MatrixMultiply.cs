using System;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination (m×n) = a (m×k) · b (k×n), all row-major: the forward product of a linear layer.</summary>
        /// <remarks>Vectorized with <see cref="System.Numerics.Vector{T}"/> over the columns of b, four vectors of a row at a time.</remarks>
        /// <exception cref="ArgumentException">A span does not hold its matrix, or destination overlaps an input.</exception>
        public static unsafe void MatrixMultiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination)
        {
            CheckProduct(a, m, k, b, k, n, destination, m, n);
            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pd = destination)
            {
                // Row i of a is at i·k, its element q at stride 1.
                MultiplyRowsByB(pa, k, 1, pb, m, k, n, pd);
            }
        }
    }
}
