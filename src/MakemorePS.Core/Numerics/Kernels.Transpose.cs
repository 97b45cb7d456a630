using System;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination (columns×rows) = sourceᵀ, for a row-major source of rows×columns.</summary>
        /// <exception cref="ArgumentException">A span does not hold its matrix, or the two overlap.</exception>
        public static unsafe void Transpose(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination)
        {
            CheckTranspose(source, rows, columns, destination);

            fixed (float* from = source)
            fixed (float* to = destination)
            {
                // Contiguous writes, strided reads: each destination row gathers one source column.
                for (int j = 0; j < columns; j++)
                {
                    float* column = from + j;
                    float* row = to + ((long)j * rows);
                    for (int i = 0; i < rows; i++)
                    {
                        row[i] = column[(long)i * columns];
                    }
                }
            }
        }
    }
}
