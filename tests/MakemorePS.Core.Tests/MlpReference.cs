using System;

namespace MakemorePS.Core.Tests
{
    /// <summary>
    /// An independent, plainly written MLP in double precision for the tests: nested loops straight from the lecture's
    /// formulas (torch semantics: unbiased std, softmax cross-entropy), forward and backward, sharing no code with the engine.
    /// </summary>
    internal sealed class MlpReference
    {
        public MlpReference(int v, int b, int d, int h, bool batchNorm)
        {
            V = v;
            B = b;
            D = d;
            H = h;
            BatchNorm = batchNorm;
            C = new double[v * d];
            W1 = new double[b * d * h];
            B1 = new double[h];
            Gain = new double[h];
            Shift = new double[h];
            RunningMean = new double[h];
            RunningStd = new double[h];
            W2 = new double[h * v];
            B2 = new double[v];
        }

        public int V { get; }
        public int B { get; }
        public int D { get; }
        public int H { get; }
        public int K => B * D;
        public bool BatchNorm { get; }
        public double Epsilon { get; set; }
        public double[] C, W1, B1, Gain, Shift, RunningMean, RunningStd, W2, B2;

        // The gradients of the last Backward.
        public double[] dC = Array.Empty<double>(), dW1 = Array.Empty<double>(), dB1 = Array.Empty<double>(), dGain = Array.Empty<double>(),
            dShift = Array.Empty<double>(), dW2 = Array.Empty<double>(), dB2 = Array.Empty<double>();

        // Saved by Forward for Backward and for the activation checks.
        public double[,] Embcat = new double[0, 0], HPre = new double[0, 0], HAct = new double[0, 0], Hidden = new double[0, 0], Logits = new double[0, 0];
        private double[,] _xhat = new double[0, 0];
        private double[] _std = Array.Empty<double>();

        public static MlpReference FromEngine(MlpParameters p)
        {
            var r = new MlpReference(p.VocabularySize, p.BlockSize, p.EmbeddingSize, p.HiddenSize, p.BatchNorm);
            Copy(p.C, r.C);
            Copy(p.W1, r.W1);
            if (!p.BatchNorm)
            {
                Copy(p.B1, r.B1);
            }
            else
            {
                Copy(p.Gain, r.Gain);
                Copy(p.Shift, r.Shift);
                Copy(p.RunningMean, r.RunningMean);
                Copy(p.RunningStd, r.RunningStd);
            }

            Copy(p.W2, r.W2);
            Copy(p.B2, r.B2);
            return r;
        }

        /// <summary>The training-mode loss (batch statistics when BatchNorm), saving what Backward needs.</summary>
        public double Forward(int[] contexts, int[] targets)
        {
            int n = targets.Length;
            Embcat = new double[n, K];
            for (int i = 0; i < n; i++)
            {
                for (int p = 0; p < B; p++)
                {
                    for (int j = 0; j < D; j++)
                    {
                        Embcat[i, (p * D) + j] = C[(contexts[(i * B) + p] * D) + j];
                    }
                }
            }

            HPre = new double[n, H];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < H; j++)
                {
                    double s = BatchNorm ? 0.0 : B1[j];
                    for (int q = 0; q < K; q++)
                    {
                        s += Embcat[i, q] * W1[(q * H) + j];
                    }

                    HPre[i, j] = s;
                }
            }

            HAct = HPre;
            if (BatchNorm)
            {
                HAct = new double[n, H];
                _xhat = new double[n, H];
                _std = new double[H];
                for (int j = 0; j < H; j++)
                {
                    double mean = 0.0;
                    for (int i = 0; i < n; i++)
                    {
                        mean += HPre[i, j];
                    }

                    mean /= n;
                    double variance = 0.0;
                    for (int i = 0; i < n; i++)
                    {
                        variance += (HPre[i, j] - mean) * (HPre[i, j] - mean);
                    }

                    _std[j] = Math.Sqrt((variance / (n - 1)) + Epsilon);
                    for (int i = 0; i < n; i++)
                    {
                        _xhat[i, j] = (HPre[i, j] - mean) / _std[j];
                        HAct[i, j] = (Gain[j] * _xhat[i, j]) + Shift[j];
                    }
                }
            }

            return Head(targets, n);
        }

        /// <summary>The evaluation-mode log-probabilities (running statistics), count × V.</summary>
        public double[] EvalLogProbabilities(int[] contexts, int count)
        {
            var result = new double[count * V];
            for (int i = 0; i < count; i++)
            {
                var hidden = new double[H];
                for (int j = 0; j < H; j++)
                {
                    double s = BatchNorm ? 0.0 : B1[j];
                    for (int p = 0; p < B; p++)
                    {
                        for (int e = 0; e < D; e++)
                        {
                            s += C[(contexts[(i * B) + p] * D) + e] * W1[(((p * D) + e) * H) + j];
                        }
                    }

                    if (BatchNorm)
                    {
                        s = (Gain[j] * (s - RunningMean[j]) / RunningStd[j]) + Shift[j];
                    }

                    hidden[j] = Math.Tanh(s);
                }

                var logits = new double[V];
                double max = double.NegativeInfinity;
                for (int c = 0; c < V; c++)
                {
                    double s = B2[c];
                    for (int j = 0; j < H; j++)
                    {
                        s += hidden[j] * W2[(j * V) + c];
                    }

                    logits[c] = s;
                    max = Math.Max(max, s);
                }

                double sum = 0.0;
                for (int c = 0; c < V; c++)
                {
                    sum += Math.Exp(logits[c] - max);
                }

                for (int c = 0; c < V; c++)
                {
                    result[(i * V) + c] = logits[c] - max - Math.Log(sum);
                }
            }

            return result;
        }

        public void Backward(int[] contexts, int[] targets)
        {
            int n = targets.Length;
            var dLogits = new double[n, V];
            for (int i = 0; i < n; i++)
            {
                double max = double.NegativeInfinity;
                for (int c = 0; c < V; c++)
                {
                    max = Math.Max(max, Logits[i, c]);
                }

                double sum = 0.0;
                for (int c = 0; c < V; c++)
                {
                    sum += Math.Exp(Logits[i, c] - max);
                }

                for (int c = 0; c < V; c++)
                {
                    dLogits[i, c] = ((Math.Exp(Logits[i, c] - max) / sum) - (c == targets[i] ? 1.0 : 0.0)) / n;
                }
            }

            dW2 = new double[H * V];
            dB2 = new double[V];
            var dHidden = new double[n, H];
            for (int i = 0; i < n; i++)
            {
                for (int c = 0; c < V; c++)
                {
                    dB2[c] += dLogits[i, c];
                    for (int j = 0; j < H; j++)
                    {
                        dW2[(j * V) + c] += Hidden[i, j] * dLogits[i, c];
                        dHidden[i, j] += dLogits[i, c] * W2[(j * V) + c];
                    }
                }
            }

            var dHAct = new double[n, H];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < H; j++)
                {
                    dHAct[i, j] = (1.0 - (Hidden[i, j] * Hidden[i, j])) * dHidden[i, j];
                }
            }

            var dHPre = dHAct;
            dB1 = new double[H];
            dGain = new double[H];
            dShift = new double[H];
            if (BatchNorm)
            {
                // Through xhat = (x − μ)/σ with σ = √(Σ(x − μ)²/(n − 1) + ε): the chain rule term by term.
                dHPre = new double[n, H];
                for (int j = 0; j < H; j++)
                {
                    double dXhatSum = 0.0, dXhatDotXhat = 0.0;
                    for (int i = 0; i < n; i++)
                    {
                        dGain[j] += _xhat[i, j] * dHAct[i, j];
                        dShift[j] += dHAct[i, j];
                        double dXhat = Gain[j] * dHAct[i, j];
                        dXhatSum += dXhat;
                        dXhatDotXhat += dXhat * _xhat[i, j];
                    }

                    double dStd = -dXhatDotXhat / _std[j];
                    for (int i = 0; i < n; i++)
                    {
                        double dXhat = Gain[j] * dHAct[i, j];
                        double centred = _xhat[i, j] * _std[j];
                        dHPre[i, j] = (dXhat / _std[j]) - (dXhatSum / _std[j] / n) + (dStd * centred / ((n - 1) * _std[j]));
                    }
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < H; j++)
                    {
                        dB1[j] += dHAct[i, j];
                    }
                }
            }

            dW1 = new double[K * H];
            dC = new double[V * D];
            for (int i = 0; i < n; i++)
            {
                for (int q = 0; q < K; q++)
                {
                    double dEmb = 0.0;
                    for (int j = 0; j < H; j++)
                    {
                        dW1[(q * H) + j] += Embcat[i, q] * dHPre[i, j];
                        dEmb += dHPre[i, j] * W1[(q * H) + j];
                    }

                    int p = q / D, e = q % D;
                    dC[(contexts[(i * B) + p] * D) + e] += dEmb;
                }
            }
        }

        /// <summary>The reference's tensors and gradients by the engine's names.</summary>
        public (double[] Values, double[] Gradient) Tensor(string name)
        {
            switch (name)
            {
                case "C": return (C, dC);
                case "W1": return (W1, dW1);
                case "b1": return (B1, dB1);
                case "bngain": return (Gain, dGain);
                case "bnbias": return (Shift, dShift);
                case "W2": return (W2, dW2);
                case "b2": return (B2, dB2);
                default: throw new ArgumentException(name);
            }
        }

        private double Head(int[] targets, int n)
        {
            Hidden = new double[n, H];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < H; j++)
                {
                    Hidden[i, j] = Math.Tanh(HAct[i, j]);
                }
            }

            Logits = new double[n, V];
            double loss = 0.0;
            for (int i = 0; i < n; i++)
            {
                double max = double.NegativeInfinity;
                for (int c = 0; c < V; c++)
                {
                    double s = B2[c];
                    for (int j = 0; j < H; j++)
                    {
                        s += Hidden[i, j] * W2[(j * V) + c];
                    }

                    Logits[i, c] = s;
                    max = Math.Max(max, s);
                }

                double sum = 0.0;
                for (int c = 0; c < V; c++)
                {
                    sum += Math.Exp(Logits[i, c] - max);
                }

                loss += max + Math.Log(sum) - Logits[i, targets[i]];
            }

            return loss / n;
        }

        private static void Copy(float[] source, double[] destination)
        {
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = source[i];
            }
        }
    }
}
