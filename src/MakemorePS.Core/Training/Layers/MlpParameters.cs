using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// The tensors of the MLP, row-major float32: C (V×d), W1 (B·d×H), b1 (H, only without BatchNorm), BatchNorm's gain
    /// and bias (H each) with its running mean and std (H each, buffers, not trained), W2 (H×V) and b2 (V).
    /// Layouts are the lecture's, so emb.view(N, −1) @ W1 and h @ W2 read the same numbers. Mutable: the trainer's state.
    /// </summary>
    internal sealed class MlpParameters
    {
        /// <summary>The names of the trained tensors, in the lecture's order.</summary>
        internal const string EmbeddingName = "C", Weights1Name = "W1", Bias1Name = "b1", GainName = "bngain", ShiftName = "bnbias", Weights2Name = "W2", Bias2Name = "b2";

        public MlpParameters(int vocabularySize, int blockSize, int embeddingSize, int hiddenSize, bool batchNorm)
        {
            VocabularySize = vocabularySize;
            BlockSize = blockSize;
            EmbeddingSize = embeddingSize;
            HiddenSize = hiddenSize;
            BatchNorm = batchNorm;
            C = new float[vocabularySize * embeddingSize];
            W1 = new float[InputWidth * hiddenSize];
            B1 = batchNorm ? Array.Empty<float>() : new float[hiddenSize];
            Gain = batchNorm ? new float[hiddenSize] : Array.Empty<float>();
            Shift = batchNorm ? new float[hiddenSize] : Array.Empty<float>();
            RunningMean = batchNorm ? new float[hiddenSize] : Array.Empty<float>();
            RunningStd = batchNorm ? new float[hiddenSize] : Array.Empty<float>();
            W2 = new float[hiddenSize * vocabularySize];
            B2 = new float[vocabularySize];
        }

        public int VocabularySize { get; }

        public int BlockSize { get; }

        public int EmbeddingSize { get; }

        public int HiddenSize { get; }

        public bool BatchNorm { get; }

        /// <summary>B·d, the width of the concatenated embeddings.</summary>
        public int InputWidth => BlockSize * EmbeddingSize;

        public float[] C { get; }

        public float[] W1 { get; }

        public float[] B1 { get; }

        public float[] Gain { get; }

        public float[] Shift { get; }

        public float[] RunningMean { get; }

        public float[] RunningStd { get; }

        public float[] W2 { get; }

        public float[] B2 { get; }

        /// <summary>The number of trained numbers.</summary>
        public int TrainedCount => C.Length + W1.Length + B1.Length + Gain.Length + Shift.Length + W2.Length + B2.Length;

        /// <summary>The trained tensors with their names and shapes, in the lecture's order.</summary>
        public IEnumerable<(string Name, float[] Values, int Rows, int Columns)> Trained()
        {
            yield return (EmbeddingName, C, VocabularySize, EmbeddingSize);
            yield return (Weights1Name, W1, InputWidth, HiddenSize);
            if (!BatchNorm)
            {
                yield return (Bias1Name, B1, 1, HiddenSize);
            }
            else
            {
                yield return (GainName, Gain, 1, HiddenSize);
                yield return (ShiftName, Shift, 1, HiddenSize);
            }

            yield return (Weights2Name, W2, HiddenSize, VocabularySize);
            yield return (Bias2Name, B2, 1, VocabularySize);
        }

        /// <summary>An empty set of the same shapes (for gradients).</summary>
        public MlpParameters CreateLike() => new MlpParameters(VocabularySize, BlockSize, EmbeddingSize, HiddenSize, BatchNorm);

        /// <summary>A deep copy.</summary>
        public MlpParameters Clone()
        {
            MlpParameters copy = CreateLike();
            CopyTo(copy);
            return copy;
        }

        /// <summary>Copies every tensor, running statistics included, into <paramref name="destination"/> of the same shapes.</summary>
        public void CopyTo(MlpParameters destination)
        {
            C.AsSpan().CopyTo(destination.C);
            W1.AsSpan().CopyTo(destination.W1);
            B1.AsSpan().CopyTo(destination.B1);
            Gain.AsSpan().CopyTo(destination.Gain);
            Shift.AsSpan().CopyTo(destination.Shift);
            RunningMean.AsSpan().CopyTo(destination.RunningMean);
            RunningStd.AsSpan().CopyTo(destination.RunningStd);
            W2.AsSpan().CopyTo(destination.W2);
            B2.AsSpan().CopyTo(destination.B2);
        }

        /// <summary>
        /// Draws the initial weights as the lecture's code does: one <c>torch.randn</c> per tensor, in the order C, W1, b1
        /// (no b1 with BatchNorm), W2, b2, each scaled as <paramref name="initialization"/> says (the scaled b2 is drawn
        /// and multiplied by 0, as in the lecture, so the generator ends where the lecture's does). BatchNorm starts as
        /// the identity (gain 1, bias 0, running mean 0, std 1).
        /// </summary>
        public void Initialize(MlpInitialization initialization, TorchGenerator generator)
        {
            bool scaled = initialization == MlpInitialization.Scaled;
            FillNormal(C, 1f, generator);
            FillNormal(W1, scaled ? 5f / 3f : 1f, generator);
            if (scaled)
            {
                // (5/3)/√fan_in as the lecture's expression rounds it: a product, then a quotient, each in float.
                float fanInRoot = (float)Math.Sqrt(InputWidth);
                for (int i = 0; i < W1.Length; i++)
                {
                    W1[i] /= fanInRoot;
                }
            }

            FillNormal(B1, scaled ? 0.01f : 1f, generator);
            FillNormal(W2, scaled ? 0.01f : 1f, generator);
            FillNormal(B2, scaled ? 0f : 1f, generator);
            Gain.AsSpan().Fill(1f);
            Shift.AsSpan().Clear();
            RunningMean.AsSpan().Clear();
            RunningStd.AsSpan().Fill(1f);
        }

        private static void FillNormal(float[] values, float scale, TorchGenerator generator)
        {
            generator.FillNormal(values);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }
        }
    }
}
