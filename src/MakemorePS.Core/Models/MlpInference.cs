using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>
    /// The MLP in evaluation mode, folded for speed: BatchNorm uses its running statistics, so it is an affine map that
    /// folds into the first layer, and C·W1 is precomputed per position and symbol. Then a context's hidden
    /// pre-activation is a sum of B rows, hAct = bias' + Σ_p P[p, x_p] with P[p, v] = C[v]·W1[p·d:(p+1)·d]·s, s = gain/σ_run,
    /// bias' = bias − μ_run·s (or b1 without BatchNorm). Immutable and thread-safe; scratch is per thread.
    /// </summary>
    internal sealed class MlpInference
    {
        private const int Chunk = 64;

        [ThreadStatic]
        private static float[]? t_scratch;

        private readonly int _v, _b, _h;
        private readonly float[] _projected, _hiddenBias, _w2, _b2;

        public MlpInference(MlpParameters p)
        {
            _v = p.VocabularySize;
            _b = p.BlockSize;
            _h = p.HiddenSize;
            int d = p.EmbeddingSize;
            var scale = new float[_h];
            _hiddenBias = new float[_h];
            if (p.BatchNorm)
            {
                for (int j = 0; j < _h; j++)
                {
                    scale[j] = p.Gain[j] / p.RunningStd[j];
                    _hiddenBias[j] = p.Shift[j] - (p.RunningMean[j] * scale[j]);
                }
            }
            else
            {
                scale.AsSpan().Fill(1f);
                p.B1.AsSpan().CopyTo(_hiddenBias);
            }

            // P (B×V×H): row (position, symbol) = C[symbol] (1×d) · W1 rows of that position (d×H), times s.
            _projected = new float[_b * _v * _h];
            for (int position = 0; position < _b; position++)
            {
                ReadOnlySpan<float> w1Block = p.W1.AsSpan(position * d * _h, d * _h);
                Span<float> block = _projected.AsSpan(position * _v * _h, _v * _h);
                Kernels.MatrixMultiply(p.C, w1Block, _v, d, _h, block);
                for (int symbol = 0; symbol < _v; symbol++)
                {
                    Span<float> row = block.Slice(symbol * _h, _h);
                    Kernels.Multiply(row, scale, row);
                }
            }

            _w2 = (float[])p.W2.Clone();
            _b2 = (float[])p.B2.Clone();
        }

        /// <summary>V.</summary>
        public int VocabularySize => _v;

        /// <summary>B.</summary>
        public int BlockSize => _b;

        /// <summary>destination (count×V) = ln softmax of the logits of each context (count×B), in double precision.</summary>
        public void LogProbabilities(ReadOnlySpan<int> contexts, int count, Span<double> destination)
        {
            float[] scratch = Scratch();
            Span<float> logits = scratch.AsSpan(Chunk * _h, Chunk * _v);
            for (int start = 0; start < count; start += Chunk)
            {
                int rows = Math.Min(Chunk, count - start);
                Logits(contexts.Slice(start * _b, rows * _b), rows, scratch);
                for (int r = 0; r < rows; r++)
                {
                    ReadOnlySpan<float> row = logits.Slice(r * _v, _v);
                    double logSumExp = LogSumExp(row);
                    Span<double> output = destination.Slice((start + r) * _v, _v);
                    for (int j = 0; j < _v; j++)
                    {
                        output[j] = row[j] - logSumExp;
                    }
                }
            }
        }

        /// <summary>
        /// Σ_n −ln P(targets[n] | contexts[n]) over the examples of whole names in order, each name ending at its
        /// boundary target (as <see cref="ContextWindowDataset"/> lays them out). Exactly the number
        /// <see cref="ContextScorer.ScoreDataset"/> gives for those names, since it adds the same
        /// <see cref="LogProbabilities"/> the same way: per name in order, then over names with
        /// <see cref="DatasetScoreAccumulator"/>. NaN when a log-probability is NaN (diverged weights).
        /// </summary>
        public double TotalNegativeLogLikelihood(ReadOnlySpan<int> contexts, ReadOnlySpan<int> targets)
        {
            var logProbabilities = new double[Chunk * _v];
            var names = new DatasetScoreAccumulator();
            double name = 0.0;
            int positions = 0;
            for (int start = 0; start < targets.Length; start += Chunk)
            {
                int rows = Math.Min(Chunk, targets.Length - start);
                LogProbabilities(contexts.Slice(start * _b, rows * _b), rows, logProbabilities);
                for (int r = 0; r < rows; r++)
                {
                    int target = targets[start + r];
                    name += logProbabilities[(r * _v) + target];
                    positions++;
                    if (target == Vocabulary.BoundaryIndex || start + r == targets.Length - 1)
                    {
                        if (double.IsNaN(name))
                        {
                            return double.NaN;
                        }

                        names.Add(name, positions);
                        name = 0.0;
                        positions = 0;
                    }
                }
            }

            return -names.LogLikelihood;
        }

        // logits (rows×V) into scratch after the hidden block (Chunk×H): hAct = bias' + Σ_p P[p, x_p]; h = tanh; h·W2 + b2.
        private void Logits(ReadOnlySpan<int> contexts, int rows, float[] scratch)
        {
            Span<float> hidden = scratch.AsSpan(0, rows * _h);
            Span<float> logits = scratch.AsSpan(Chunk * _h, rows * _v);
            for (int r = 0; r < rows; r++)
            {
                Span<float> row = hidden.Slice(r * _h, _h);
                _hiddenBias.AsSpan().CopyTo(row);
                for (int position = 0; position < _b; position++)
                {
                    int symbol = contexts[(r * _b) + position];
                    Kernels.Add(row, _projected.AsSpan(((position * _v) + symbol) * _h, _h), row);
                }

                // Row by row, so a context's numbers never depend on how many are evaluated with it: the vectorized
                // tanh may take another path for the ragged end of a longer span.
                Kernels.Tanh(row, row);
            }

            Kernels.MatrixMultiply(hidden, _w2, rows, _h, _v, logits);
            for (int r = 0; r < rows; r++)
            {
                Span<float> row = logits.Slice(r * _v, _v);
                Kernels.Add(row, _b2, row);
            }
        }

        private static double LogSumExp(ReadOnlySpan<float> row)
        {
            float max = Kernels.Max(row);
            double sum = 0.0;
            for (int j = 0; j < row.Length; j++)
            {
                sum += Math.Exp(row[j] - (double)max);
            }

            return max + Math.Log(sum);
        }

        private float[] Scratch()
        {
            int size = (Chunk * (_h + _v)) + _v;
            float[]? scratch = t_scratch;
            if (scratch is null || scratch.Length < size)
            {
                scratch = new float[size];
                t_scratch = scratch;
            }

            return scratch;
        }
    }
}
