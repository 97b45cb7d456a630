using System;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[j] = Σ_i matrix[i·destination.Length + j]: the sum of every column of a row-major matrix (a bias gradient).</summary>
        /// <exception cref="ArgumentException">The matrix is not a whole number of rows of destination.Length elements.</exception>
        public static void ColumnSums(ReadOnlySpan<float> matrix, Span<float> destination)
        {
            int columns = destination.Length;
            CheckWholeRows(matrix.Length, columns);
            destination.Clear();
            for (int start = 0; start < matrix.Length; start += columns)
            {
                Add(matrix.Slice(start, columns), destination, destination);
            }
        }
    }
}
