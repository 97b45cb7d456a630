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
    }
}
