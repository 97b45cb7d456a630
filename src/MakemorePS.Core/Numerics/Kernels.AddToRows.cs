using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i, j] = matrix[i, j] + row[j], for a row-major matrix of row.Length columns (a bias added to every row).</summary>
        /// <remarks>destination may be the same memory as matrix (in place).</remarks>
        /// <exception cref="ArgumentException">The matrix is not a whole number of rows, or the lengths differ.</exception>
        public static unsafe void AddToRows(ReadOnlySpan<float> matrix, ReadOnlySpan<float> row, Span<float> destination)
        {
            int columns = row.Length;
            CheckWholeRows(matrix.Length, columns);
            CheckLengths(matrix.Length, destination.Length, nameof(destination));
            int width = Vector<float>.Count;
            int vectorEnd = columns - (columns % width);
            fixed (float* pm = matrix)
            fixed (float* pr = row)
            fixed (float* pd = destination)
            {
                for (long start = 0; start < matrix.Length; start += columns)
                {
                    int j = 0;
                    for (; j < vectorEnd; j += width)
                    {
                        Store(pd + start + j, Load(pm + start + j) + Load(pr + j));
                    }

                    for (; j < columns; j++)
                    {
                        pd[start + j] = pm[start + j] + pr[j];
                    }
                }
            }
        }
    }
}
