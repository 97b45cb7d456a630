using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = Σ_j matrix[i·columns + j]: the sum of every row of a row-major matrix.</summary>
        /// <exception cref="ArgumentException">The matrix does not hold destination.Length rows of <paramref name="columns"/> elements.</exception>
        public static void RowSums(ReadOnlySpan<float> matrix, int columns, Span<float> destination)
        {
            CheckMatrix(matrix.Length, columns, destination.Length);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = TensorPrimitives.Sum(matrix.Slice(i * columns, columns));
            }
        }
    }
}
