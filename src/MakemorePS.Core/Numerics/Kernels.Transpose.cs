using System;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination (columns×rows) = sourceᵀ, for a row-major source of rows×columns.</summary>
        /// <remarks>With AVX and both sizes at least 8, in 8×8 blocks transposed in registers (eight row loads, 24 shuffles,
        /// eight stores), the last block of a row or column overlapping the one before; otherwise one element at a time.</remarks>
        /// <exception cref="ArgumentException">A span does not hold its matrix, or the two overlap.</exception>
        public static unsafe void Transpose(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination)
        {
            CheckTranspose(source, rows, columns, destination);

            fixed (float* from = source)
            fixed (float* to = destination)
            {
#if NET8_0_OR_GREATER
                if (Avx.IsSupported && rows >= 8 && columns >= 8)
                {
                    // Blocks at 0, 8, 16, … and, when 8 does not divide a size, one more flush with its end that overlaps
                    // the one before: it rewrites some elements with the values they already hold.
                    for (int i = 0; i < rows; i += 8)
                    {
                        int blockRow = Math.Min(i, rows - 8);
                        for (int j = 0; j < columns; j += 8)
                        {
                            int blockColumn = Math.Min(j, columns - 8);
                            Transpose8x8(from + ((long)blockRow * columns) + blockColumn, columns, to + ((long)blockColumn * rows) + blockRow, rows);
                        }
                    }

                    return;
                }
#endif
                TransposeElements(from, rows, columns, to);
            }
        }

        // destination[j, i] = source[i, j], one element at a time.
        private static unsafe void TransposeElements(float* from, int rows, int columns, float* to)
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

#if NET8_0_OR_GREATER
        // One 8×8 block: rows of the source at stride sourceStride become rows of the destination at stride destinationStride.
        private static unsafe void Transpose8x8(float* source, int sourceStride, float* destination, int destinationStride)
        {
            Vector256<float> r0 = Avx.LoadVector256(source), r1 = Avx.LoadVector256(source + sourceStride);
            Vector256<float> r2 = Avx.LoadVector256(source + (2 * sourceStride)), r3 = Avx.LoadVector256(source + (3 * sourceStride));
            Vector256<float> r4 = Avx.LoadVector256(source + (4 * sourceStride)), r5 = Avx.LoadVector256(source + (5 * sourceStride));
            Vector256<float> r6 = Avx.LoadVector256(source + (6 * sourceStride)), r7 = Avx.LoadVector256(source + (7 * sourceStride));

            // Interleave pairs of rows, then pairs of pairs: each 128-bit half then holds a 4×4 transposed quarter.
            Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
            Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
            Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
            Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

            // Join the low halves (columns 0–3) and the high halves (columns 4–7) of rows 0–3 and 4–7.
            Avx.Store(destination, Avx.Permute2x128(u0, u4, 0x20));
            Avx.Store(destination + destinationStride, Avx.Permute2x128(u1, u5, 0x20));
            Avx.Store(destination + (2 * destinationStride), Avx.Permute2x128(u2, u6, 0x20));
            Avx.Store(destination + (3 * destinationStride), Avx.Permute2x128(u3, u7, 0x20));
            Avx.Store(destination + (4 * destinationStride), Avx.Permute2x128(u0, u4, 0x31));
            Avx.Store(destination + (5 * destinationStride), Avx.Permute2x128(u1, u5, 0x31));
            Avx.Store(destination + (6 * destinationStride), Avx.Permute2x128(u2, u6, 0x31));
            Avx.Store(destination + (7 * destinationStride), Avx.Permute2x128(u3, u7, 0x31));
        }
#endif
    }
}
