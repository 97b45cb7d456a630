using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>
        /// <see cref="SoftmaxLogSumExp"/> of every row of a row-major matrix x of logSumExps.Length rows: destination holds
        /// each row's softmax and logSumExps[i] the log-sum-exp of row i (stable: each row is shifted by its max).
        /// </summary>
        /// <remarks>
        /// Per element the same operations as row-by-row calls of <see cref="SoftmaxLogSumExp"/>, with one exp over the
        /// whole matrix instead of one per row, which matters for short rows (the MLP's 27 logits).
        /// </remarks>
        /// <exception cref="ArgumentException">A row is empty, x does not hold logSumExps.Length whole rows, or the lengths differ.</exception>
        public static unsafe void SoftmaxLogSumExpRows(ReadOnlySpan<float> x, Span<float> logSumExps, Span<float> destination)
        {
            int rows = logSumExps.Length;
            CheckLengths(x.Length, destination.Length, nameof(destination));
            int columns = rows == 0 ? 0 : x.Length / rows;
            CheckMatrix(x.Length, columns, rows);
            if (rows == 0)
            {
                return;
            }

            CheckNotEmpty(columns);
            int width = Vector<float>.Count;
            int vectorEnd = columns - (columns % width);
            fixed (float* px = x)
            fixed (float* pd = destination)
            {
                // destination = x − (its row's max), kept in logSumExps until the sums are known.
                for (int i = 0; i < rows; i++)
                {
                    long start = (long)i * columns;
                    float max = TensorPrimitives.Max(x.Slice((int)start, columns));
                    logSumExps[i] = max;
                    var shift = new Vector<float>(max);
                    int j = 0;
                    for (; j < vectorEnd; j += width)
                    {
                        Store(pd + start + j, Load(px + start + j) - shift);
                    }

                    for (; j < columns; j++)
                    {
                        pd[start + j] = px[start + j] - max;
                    }
                }

                TensorPrimitives.Exp(destination, destination);
                for (int i = 0; i < rows; i++)
                {
                    long start = (long)i * columns;
                    float sum = TensorPrimitives.Sum(destination.Slice((int)start, columns));
                    float inverse = 1f / sum;
                    var scale = new Vector<float>(inverse);
                    int j = 0;
                    for (; j < vectorEnd; j += width)
                    {
                        Store(pd + start + j, Load(pd + start + j) * scale);
                    }

                    for (; j < columns; j++)
                    {
                        pd[start + j] *= inverse;
                    }

                    logSumExps[i] += (float)Math.Log(sum);
                }
            }
        }
    }
}
