using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[j] = Σ_i matrix[i·destination.Length + j]: the sum of every column of a row-major matrix (a bias gradient).</summary>
        /// <remarks>Each sum adds the rows in order from 0, as a row-by-row loop would; four column vectors are summed in registers at a time.</remarks>
        /// <exception cref="ArgumentException">The matrix is not a whole number of rows of destination.Length elements.</exception>
        public static unsafe void ColumnSums(ReadOnlySpan<float> matrix, Span<float> destination)
        {
            int columns = destination.Length;
            CheckWholeRows(matrix.Length, columns);
            int rows = columns == 0 ? 0 : matrix.Length / columns;
            int width = Vector<float>.Count;
            fixed (float* pm = matrix)
            fixed (float* pd = destination)
            {
                int j = 0;
                for (; j + (4 * width) <= columns; j += 4 * width)
                {
                    Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero, s3 = Vector<float>.Zero;
                    for (float* row = pm + j, end = row + ((long)rows * columns); row < end; row += columns)
                    {
                        s0 += Load(row);
                        s1 += Load(row + width);
                        s2 += Load(row + (2 * width));
                        s3 += Load(row + (3 * width));
                    }

                    Store(pd + j, s0);
                    Store(pd + j + width, s1);
                    Store(pd + j + (2 * width), s2);
                    Store(pd + j + (3 * width), s3);
                }

                for (; j + width <= columns; j += width)
                {
                    Vector<float> s = Vector<float>.Zero;
                    for (float* row = pm + j, end = row + ((long)rows * columns); row < end; row += columns)
                    {
                        s += Load(row);
                    }

                    Store(pd + j, s);
                }

                for (; j < columns; j++)
                {
                    float s = 0f;
                    for (float* row = pm + j, end = row + ((long)rows * columns); row < end; row += columns)
                    {
                        s += *row;
                    }

                    pd[j] = s;
                }
            }
        }
    }
}
