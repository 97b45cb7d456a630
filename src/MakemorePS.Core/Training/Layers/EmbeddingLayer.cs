using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>The embedding lookup and concatenation: emb = C[X]; embcat = emb.view(N, B·d).</summary>
    internal static class EmbeddingLayer
    {
        /// <summary>embcat (N×B·d) = the rows C[contexts[n, p]] (V×d) side by side, for contexts (N×B).</summary>
        public static void Forward(ReadOnlySpan<int> contexts, ReadOnlySpan<float> c, int embeddingSize, Span<float> embcat)
        {
            for (int i = 0; i < contexts.Length; i++)
            {
                c.Slice(contexts[i] * embeddingSize, embeddingSize).CopyTo(embcat.Slice(i * embeddingSize, embeddingSize));
            }
        }

        /// <summary>dC (V×d) = Σ over positions of dembcat (N×B·d) rows scattered back to the symbols they came from.</summary>
        public static void Backward(ReadOnlySpan<int> contexts, ReadOnlySpan<float> dEmbcat, int embeddingSize, Span<float> dC)
        {
            dC.Clear();
            for (int i = 0; i < contexts.Length; i++)
            {
                Span<float> row = dC.Slice(contexts[i] * embeddingSize, embeddingSize);
                Kernels.Add(dEmbcat.Slice(i * embeddingSize, embeddingSize), row, row);
            }
        }
    }
}
