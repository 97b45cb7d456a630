using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>A linear layer y = x·W + b, with W stored as (inputs × outputs) as in the lecture.</summary>
    internal static class LinearLayer
    {
        /// <summary>y (N×out) = x (N×in) · W (in×out) + b (out; empty for no bias).</summary>
        public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int rows, int inputs, int outputs, Span<float> y)
        {
            Kernels.MatrixMultiply(x, w, rows, inputs, outputs, y);
            if (!b.IsEmpty)
            {
                Kernels.AddToRows(y, b, y);
            }
        }

        /// <summary>
        /// From dy (N×out): dW (in×out) = xᵀ·dy; db (out) = Σ_n dy (skipped when empty); dx (N×in) = dy·Wᵀ (skipped when
        /// empty), computed as dy·(Wᵀ copied into wTransposed, out×in scratch): at the MLP's sizes the copy (8×8 register
        /// blocks) and a row-broadcast product beat row-by-row dot products.
        /// </summary>
        public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> dy, int rows, int inputs, int outputs,
            Span<float> dW, Span<float> db, Span<float> dx, Span<float> wTransposed)
        {
            Kernels.MatrixMultiplyTransposedA(x, dy, rows, inputs, outputs, dW);
            if (!db.IsEmpty)
            {
                Kernels.ColumnSums(dy, db);
            }

            if (!dx.IsEmpty)
            {
                Kernels.Transpose(w, inputs, outputs, wTransposed);
                Kernels.MatrixMultiply(dy, wTransposed, rows, outputs, inputs, dx);
            }
        }
    }
}
