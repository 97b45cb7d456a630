using System;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        // Shared argument checks of the kernels, so every kernel and its scalar twin fail the same way.
        private static void CheckLengths(int expected, int actual, string parameterName)
        {
            if (expected != actual)
            {
                throw new ArgumentException($"'{parameterName}' holds {actual} elements; the first input holds {expected}. Every span of a kernel must have the same length.", parameterName);
            }
        }
    }
}
