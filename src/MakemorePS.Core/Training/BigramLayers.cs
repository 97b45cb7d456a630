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

        // Embedding backward: dW[xs[b],:] += dlogits[b,:] (accumulates).
        // dlogits (B,V), xs (B) -> dW (V,V). This scatter-add is exactly one-hot(xs)ᵀ (V,B) @ dlogits (B,V).
        internal static void EmbedBackward(ReadOnlySpan<float> dlogits, ReadOnlySpan<int> xs, int v, Span<float> weightGradient)
        {
            for (int b = 0; b < xs.Length; b++)
            {
                Span<float> row = weightGradient.Slice(xs[b] * v, v);
                Kernels.Add(row, dlogits.Slice(b * v, v), row);
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

        // Count-matrix forward: probs[i,:] = softmax(W[i,:]); returns Σ_i (T_i·lse_i − N[i,:]·W[i,:]),
        // which is Σ over every training bigram of −log p, without visiting the bigrams.
        // W (V,V), N (V,V) as float, T (V) -> probs (V,V), scalar. Rows are summed in double.
        internal static double CountMatrixForward(ReadOnlySpan<float> weights, ReadOnlySpan<float> counts, ReadOnlySpan<double> rowTotals, int v, Span<float> probabilities)
        {
            double sum = 0.0;
            for (int i = 0; i < v; i++)
            {
                ReadOnlySpan<float> row = weights.Slice(i * v, v);
                float logSumExp = Kernels.SoftmaxLogSumExp(row, probabilities.Slice(i * v, v));
                if (rowTotals[i] == 0.0)
                {
                    // No bigram starts here, so the row adds nothing to the NLL.
                    continue;
                }

                sum += (rowTotals[i] * logSumExp) - Kernels.Dot(counts.Slice(i * v, v), row);
            }

            return sum;
        }

        // Count-matrix backward: dW[i,:] = probs[i,:]·(T_i/B) − N[i,:]/B (overwrites dW).
        // probs (V,V), T/B (V), −N/B (V,V) -> dW (V,V). The sum over examples of row i of (p − onehot)/B, folded.
        internal static void CountMatrixBackward(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> rowTotalsOverTotal, ReadOnlySpan<float> negativeCountsOverTotal, int v, Span<float> weightGradient)
        {
            for (int i = 0; i < v; i++)
            {
                Kernels.MultiplyAdd(probabilities.Slice(i * v, v), rowTotalsOverTotal[i], negativeCountsOverTotal.Slice(i * v, v), weightGradient.Slice(i * v, v));
            }
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
