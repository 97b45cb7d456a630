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

        /// <summary>Scalar twin of <see cref="ColumnSums(ReadOnlySpan{float}, Span{float})"/>.</summary>
        public static void ColumnSumsScalar(ReadOnlySpan<float> matrix, Span<float> destination)
        {
            int columns = destination.Length;
            CheckWholeRows(matrix.Length, columns);
            for (int j = 0; j < columns; j++)
            {
                float sum = 0f;
                for (int start = j; start < matrix.Length; start += columns)
                {
                    sum += matrix[start];
                }

                destination[j] = sum;
            }
        }

        private static void CheckWholeRows(int length, int columns)
        {
            if (columns == 0 ? length != 0 : length % columns != 0)
            {
                throw new ArgumentException($"A matrix of {length} elements is not a whole number of rows of {columns} columns.", "matrix");
            }
        }
    }
}
