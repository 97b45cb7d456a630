using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>
    /// The forward and backward passes of the neural bigram model, as pairs in the style of llm.c: every forward
    /// writes its outputs into caller-owned buffers and every backward takes what its forward saved. Shapes are in
    /// the comments: B examples, V symbols, W is (V,V) row-major, row = current symbol.
    /// </summary>
    internal static class BigramLayers
    {
        // ---- Path (a): per example, as PyTorch computes it -------------------------------------------------------

        // Embedding forward: logits[b,:] = W[xs[b],:].
        // xs (B) of indices, W (V,V) -> logits (B,V). This row lookup is exactly one-hot(xs) (B,V) @ W (V,V).
        internal static void EmbedForward(ReadOnlySpan<float> weights, ReadOnlySpan<int> xs, int v, Span<float> logits)
        {
            for (int b = 0; b < xs.Length; b++)
            {
                weights.Slice(xs[b] * v, v).CopyTo(logits.Slice(b * v, v));
            }
        }

        // Embedding backward: dW[xs[b],:] += dlogits[b,:] (accumulates, in double).
        // dlogits (B,V), xs (B) -> dW (V,V). This scatter-add is exactly one-hot(xs)ᵀ (V,B) @ dlogits (B,V).
        // A float accumulator would add tens of thousands of near-equal terms to one cell with correlated rounding;
        // double keeps the sum exact to far below the 1e-5 agreement with the count-matrix path.
        internal static void EmbedBackward(ReadOnlySpan<float> dlogits, ReadOnlySpan<int> xs, int v, Span<double> weightGradient)
        {
            for (int b = 0; b < xs.Length; b++)
            {
                Span<double> row = weightGradient.Slice(xs[b] * v, v);
                Kernels.AddWidened(dlogits.Slice(b * v, v), row, row);
            }
        }

        // Softmax + cross-entropy forward: probs[b,:] = softmax(logits[b,:]); returns Σ_b −log probs[b, ys[b]].
        // logits (B,V), ys (B) -> probs (B,V), scalar. Each term is lse_b − logits[b, ys[b]] (exact log-softmax),
        // summed in double so long batches keep the 1e-5 agreement with the count-matrix path.
        internal static double SoftmaxCrossEntropyForward(ReadOnlySpan<float> logits, ReadOnlySpan<int> ys, int v, Span<float> probabilities)
        {
            double sum = 0.0;
            for (int b = 0; b < ys.Length; b++)
            {
                ReadOnlySpan<float> row = logits.Slice(b * v, v);
                float logSumExp = Kernels.SoftmaxLogSumExp(row, probabilities.Slice(b * v, v));
                sum += (double)logSumExp - row[ys[b]];
            }

            return sum;
        }

        // Softmax + cross-entropy backward: dlogits[b,:] = (probs[b,:] − onehot(ys[b])) · scale, scale = 1/B_total.
        // probs (B,V), ys (B) -> dlogits (B,V). dlogits may be the probs buffer itself (in place).
        internal static void SoftmaxCrossEntropyBackward(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> ys, float scale, int v, Span<float> dlogits)
        {
            for (int b = 0; b < ys.Length; b++)
            {
                Span<float> row = dlogits.Slice(b * v, v);
                Kernels.Multiply(probabilities.Slice(b * v, v), scale, row);
                row[ys[b]] -= scale;
            }
        }

        // ---- Path (b): from the count matrix, a sufficient statistic -----------------------------------------------

        // Count-matrix forward: returns Σ_i (T_i·lse_i − N[i,:]·W[i,:]), which is Σ over every training bigram of
        // −log p, without visiting the bigrams.
        // W (V,V), N (V,V) as float, T (V) -> E (V,V) = exp(W[i,:] − c_i), c (V), s (V) = rowsum(E), lse (V) = c_i + ln s_i.
        // softmax(W[i,:]) = E[i,:] / s_i. The shift c_i is the maximum of the whole W: one vectorized pass over V²
        // elements instead of V small ones, and still nothing can overflow. A row so far below it that its sum nears
        // float underflow is redone with its own maximum, so every row is as exact as a per-row stable softmax.
        internal static double CountMatrixForward(ReadOnlySpan<float> weights, ReadOnlySpan<float> counts, ReadOnlySpan<double> rowTotals, int v,
            Span<float> exponentials, Span<float> shifts, Span<float> rowSums, Span<float> logSumExps)
        {
            float globalMax = Kernels.Max(weights);
            Kernels.ExpShifted(weights, globalMax, exponentials);
            Kernels.RowSums(exponentials, v, rowSums);
            shifts.Fill(globalMax);
            for (int i = 0; i < v; i++)
            {
                if (rowSums[i] < MinimumRowSum)
                {
                    ReadOnlySpan<float> row = weights.Slice(i * v, v);
                    shifts[i] = Kernels.Max(row);
                    Kernels.ExpShifted(row, shifts[i], exponentials.Slice(i * v, v));
                    Kernels.RowSums(exponentials.Slice(i * v, v), v, rowSums.Slice(i, 1));
                }
            }

            Kernels.Log(rowSums, logSumExps);
            Kernels.Add(logSumExps, shifts, logSumExps);

            // Σ_i Σ_j N_ij·(lse_i − W_ij) row by row in double, with lse_i = shift_i + ln s_i: the gaps shift_i − W_ij
            // are formed before they are weighted, so a per-row offset of W (which leaves the model unchanged) cannot
            // cost precision as it did in T·lse − N·W, two large sums that cancel.
            double sum = 0.0;
            for (int i = 0; i < v; i++)
            {
                if (rowTotals[i] != 0.0)
                {
                    // A row without data adds nothing (and must not add 0·∞).
                    sum += Kernels.CountWeightedGap(counts.Slice(i * v, v), shifts[i], weights.Slice(i * v, v))
                        + (rowTotals[i] * Math.Log(rowSums[i]));
                }
            }

            return sum;
        }

        // Below this a row's exponentials approach float's subnormal range (e^−46); such rows get their own shift.
        private const float MinimumRowSum = 1e-20f;

        // Count-matrix backward: dW[i,:] = softmax(W[i,:])·T_i/B − N[i,:]/B = E[i,:]·T_i/(B·s_i) − N[i,:]/B (overwrites dW).
        // E (V,V), s (V), T/B (V), −N/B (V,V), scratch A (V,V) -> dW (V,V). The sum over the examples of row i of
        // (p − onehot)/B, folded; the row scales are broadcast into A so the update is one vectorized pass.
        internal static void CountMatrixBackward(ReadOnlySpan<float> exponentials, ReadOnlySpan<float> rowSums, ReadOnlySpan<float> rowTotalsOverTotal,
            ReadOnlySpan<float> negativeCountsOverTotal, int v, Span<float> rowScales, Span<float> weightGradient)
        {
            for (int i = 0; i < v; i++)
            {
                rowScales.Slice(i * v, v).Fill(rowTotalsOverTotal[i] / rowSums[i]);
            }

            Kernels.MultiplyAdd(exponentials, rowScales, negativeCountsOverTotal, weightGradient);
        }

        // ---- Shared: L2 regularization ------------------------------------------------------------------------------

        // Regularization forward: returns λ·mean(W²). W (V,V) -> scalar; NaN or ∞ when a weight is.
        internal static double RegularizationForward(ReadOnlySpan<float> weights, float regularization)
        {
            if (regularization == 0f)
            {
                // λ = 0 leaves rows without data untouched, and any other non-finite weight already makes the NLL non-finite.
                return 0.0;
            }

            double sumOfSquares = Kernels.SumOfSquares(weights);
            if (double.IsInfinity(sumOfSquares))
            {
                // float overflows from |w| ≈ 1.8e19 while the true sum may still be finite in double.
                sumOfSquares = 0.0;
                foreach (float w in weights)
                {
                    sumOfSquares += (double)w * w;
                }
            }

            return regularization * sumOfSquares / weights.Length;
        }

        // Regularization backward: dW += (2λ/V²)·W. W (V,V) -> dW (V,V), accumulating.
        internal static void RegularizationBackward(ReadOnlySpan<float> weights, float regularization, Span<float> weightGradient)
        {
            if (regularization == 0f)
            {
                return;
            }

            Kernels.MultiplyAdd(weights, 2f * regularization / weights.Length, weightGradient, weightGradient);
        }
    }
}
