using System;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        // The argument checks of every kernel, in one place, so that all kernels fail the same way.
        private static void CheckLengths(int expected, int actual, string parameterName)
        {
            if (expected != actual)
            {
                throw new ArgumentException($"'{parameterName}' holds {actual} elements; the first input holds {expected}. Every span of a kernel must have the same length.", parameterName);
            }
        }

        private static void CheckNotEmpty(int length)
        {
            if (length == 0)
            {
                throw new ArgumentException("The softmax of an empty vector is undefined; give at least one logit.", "x");
            }
        }

        private static void CheckMatrix(int length, int columns, int rows)
        {
            if (columns < 0 || (long)rows * columns != length)
            {
                throw new ArgumentException($"A matrix of {rows} rows of {columns} columns holds {(long)rows * columns} elements, not {length}.", "matrix");
            }
        }

        private static void CheckWholeRows(int length, int columns)
        {
            if (columns == 0 ? length != 0 : length % columns != 0)
            {
                throw new ArgumentException($"A matrix of {length} elements is not a whole number of rows of {columns} columns.", "matrix");
            }
        }

        // Shape checks of the matrix products: each span holds its matrix, and the output shares no memory with an input
        // (the products read their inputs after writing parts of the output).
        private static void CheckProduct(ReadOnlySpan<float> a, int aRows, int aColumns, ReadOnlySpan<float> b, int bRows, int bColumns, ReadOnlySpan<float> destination, int rows, int columns)
        {
            if (aRows < 0 || aColumns < 0 || bRows < 0 || bColumns < 0)
            {
                throw new ArgumentException($"Matrix sizes must be 0 or more; got {aRows}×{aColumns} and {bRows}×{bColumns}.");
            }

            CheckMatrixLength(a.Length, aRows, aColumns, "a");
            CheckMatrixLength(b.Length, bRows, bColumns, "b");
            CheckMatrixLength(destination.Length, rows, columns, "destination");
            if (destination.Overlaps(a) || destination.Overlaps(b))
            {
                throw new ArgumentException("The destination of a matrix product must not share memory with an input.", nameof(destination));
            }
        }

        private static void CheckTranspose(ReadOnlySpan<float> source, int rows, int columns, ReadOnlySpan<float> destination)
        {
            if (rows < 0 || columns < 0)
            {
                throw new ArgumentException($"Matrix sizes must be 0 or more; got {rows}×{columns}.");
            }

            CheckMatrixLength(source.Length, rows, columns, nameof(source));
            CheckMatrixLength(destination.Length, columns, rows, nameof(destination));
            if (destination.Overlaps(source))
            {
                throw new ArgumentException("A transpose cannot be written over its source.", nameof(destination));
            }
        }

        private static void CheckMatrixLength(int length, int rows, int columns, string parameterName)
        {
            if ((long)rows * columns != length)
            {
                throw new ArgumentException($"'{parameterName}' must hold a {rows}×{columns} matrix ({(long)rows * columns} elements); it holds {length}.", parameterName);
            }
        }
    }
}
