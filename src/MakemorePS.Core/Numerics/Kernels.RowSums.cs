using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = Σ_j matrix[i·columns + j]: the sum of every row of a row-major matrix.</summary>
        /// <exception cref="ArgumentException">The matrix does not hold destination.Length rows of <paramref name="columns"/> elements.</exception>
        public static void RowSums(ReadOnlySpan<float> matrix, int columns, Span<float> destination)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckMatrix(matrix.Length, columns, destination.Length);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = TensorPrimitives.Sum(matrix.Slice(i * columns, columns));
            }
#else
            RowSumsScalar(matrix, columns, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="RowSums(ReadOnlySpan{float}, int, Span{float})"/>.</summary>
        public static void RowSumsScalar(ReadOnlySpan<float> matrix, int columns, Span<float> destination)
        {
            CheckMatrix(matrix.Length, columns, destination.Length);
            for (int i = 0; i < destination.Length; i++)
            {
                float sum = 0f;
                ReadOnlySpan<float> row = matrix.Slice(i * columns, columns);
                for (int j = 0; j < row.Length; j++)
                {
                    sum += row[j];
                }

                destination[i] = sum;
            }
        }
    }
}
