using System;
using System.Linq;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class MlpGradientTests
    {
        private static (MlpParameters Parameters, int[] Contexts, int[] Targets) Setup(int v, int b, int d, int h, int n, bool batchNorm, MlpInitialization init, long seed)
        {
            var p = new MlpParameters(v, b, d, h, batchNorm);
            p.Initialize(init, new TorchGenerator(seed));
            var rng = new Pcg32(seed);
            if (batchNorm)
            {
                // Away from the identity start, so every term of the BatchNorm gradient matters.
                for (int j = 0; j < h; j++)
                {
                    p.Gain[j] = 1f + (0.3f * (float)rng.NextGaussian());
                    p.Shift[j] = 0.2f * (float)rng.NextGaussian();
                    p.RunningMean[j] = 0.1f * (float)rng.NextGaussian();
                    p.RunningStd[j] = 0.5f + (float)rng.NextDouble();
                }
            }

            for (int c = 0; c < p.B2.Length; c++)
            {
                p.B2[c] = 0.1f * (float)rng.NextGaussian();
            }

            var contexts = new int[n * b];
            var targets = new int[n];
            for (int i = 0; i < contexts.Length; i++)
            {
                contexts[i] = (int)rng.NextUInt32((uint)v);
            }

            for (int i = 0; i < n; i++)
            {
                targets[i] = (int)rng.NextUInt32((uint)v);
            }

            return (p, contexts, targets);
        }

        public static readonly TheoryData<bool, MlpInitialization> Variants = new TheoryData<bool, MlpInitialization>
        {
            { true, MlpInitialization.Scaled },
            { false, MlpInitialization.Scaled },
            { false, MlpInitialization.Gaussian },
            { true, MlpInitialization.Gaussian },
        };

        [Theory]
        [MemberData(nameof(Variants))]
        public void ReferenceBackwardMatchesCentralFiniteDifferencesOfEveryParameter(bool batchNorm, MlpInitialization init)
        {
            (MlpParameters p, int[] contexts, int[] targets) = Setup(5, 2, 3, 4, 6, batchNorm, init, 101);
            MlpReference reference = MlpReference.FromEngine(p);
            reference.Forward(contexts, targets);
            reference.Backward(contexts, targets);
            foreach ((string name, _, _, _) in p.Trained())
            {
                (double[] values, double[] gradient) = reference.Tensor(name);
                for (int i = 0; i < values.Length; i++)
                {
                    double numeric = CentralDifference(reference, values, i, contexts, targets);
                    Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-7 + (1e-6 * Math.Abs(numeric)),
                        $"{name}[{i}]: backward {gradient[i]:R}, finite difference {numeric:R}");
                }
            }
        }

        [Theory]
        [MemberData(nameof(Variants))]
        public void EngineGradientsMatchCentralFiniteDifferencesInDouble(bool batchNorm, MlpInitialization init)
        {
            (MlpParameters p, int[] contexts, int[] targets) = Setup(6, 3, 2, 5, 7, batchNorm, init, 202);
            var network = new MlpNetwork(p, targets.Length);
            network.Forward(contexts, targets, 0f);
            network.Backward(contexts, targets);

            // The finite differences come from the double-precision reference forward pass at the engine's own weights.
            MlpReference reference = MlpReference.FromEngine(p);
            foreach (((string name, float[] engineGradient, _, _), int index) in network.Gradients.Trained().Select((t, i) => (t, i)))
            {
                (double[] values, _) = reference.Tensor(name);
                double scale = engineGradient.Max(g => Math.Abs((double)g)) + 1e-3;
                for (int i = 0; i < values.Length; i++)
                {
                    double numeric = CentralDifference(reference, values, i, contexts, targets);
                    Assert.True(Math.Abs(numeric - engineGradient[i]) <= 2e-5 * scale + 1e-6,
                        $"{name}[{i}]: engine {engineGradient[i]:R}, finite difference {numeric:R}");
                }
            }
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void EngineForwardAndBackwardMatchTheReferenceAtTheLectureSizes(bool batchNorm)
        {
            (MlpParameters p, int[] contexts, int[] targets) = Setup(27, 3, 10, 200, 32, batchNorm, MlpInitialization.Scaled, 303);
            var network = new MlpNetwork(p, 32);
            double loss = network.Forward(contexts, targets, 0f);
            network.Backward(contexts, targets);

            MlpReference reference = MlpReference.FromEngine(p);
            double expectedLoss = reference.Forward(contexts, targets);
            reference.Backward(contexts, targets);
            Assert.Equal(expectedLoss, loss, 2e-6);
            AssertClose(reference.Embcat, network.Embcat, 1e-7);
            AssertClose(reference.HPre, network.HiddenPreActivation, 1e-5);
            AssertClose(reference.HAct, network.HiddenActivationInput, 1e-5);
            AssertClose(reference.Hidden, network.Hidden, 1e-5);
            AssertClose(reference.Logits, network.Logits, 1e-5);
            foreach ((string name, float[] engineGradient, _, _) in network.Gradients.Trained())
            {
                (_, double[] expected) = reference.Tensor(name);
                double scale = expected.Max(Math.Abs);
                Assert.True(scale > 0.0, name);
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.True(Math.Abs(expected[i] - engineGradient[i]) <= 1e-4 * scale,
                        $"{name}[{i}]: engine {engineGradient[i]:R}, reference {expected[i]:R} (scale {scale:R})");
                }
            }
        }

        [Fact]
        public void BatchNormEpsilonEntersTheStdAndItsGradient()
        {
            (MlpParameters p, int[] contexts, int[] targets) = Setup(5, 2, 3, 4, 6, true, MlpInitialization.Scaled, 404);
            var network = new MlpNetwork(p, 6);
            double loss = network.Forward(contexts, targets, 0.5f);
            network.Backward(contexts, targets);
            MlpReference reference = MlpReference.FromEngine(p);
            reference.Epsilon = 0.5;
            Assert.Equal(reference.Forward(contexts, targets), loss, 1e-6);
            (double[] w1, _) = reference.Tensor("W1");
            for (int i = 0; i < w1.Length; i++)
            {
                double numeric = CentralDifference(reference, w1, i, contexts, targets);
                Assert.True(Math.Abs(numeric - network.Gradients.W1[i]) <= 1e-5, $"W1[{i}]");
            }
        }

        private static double CentralDifference(MlpReference reference, double[] values, int index, int[] contexts, int[] targets)
        {
            const double Step = 1e-5;
            double saved = values[index];
            values[index] = saved + Step;
            double plus = reference.Forward(contexts, targets);
            values[index] = saved - Step;
            double minus = reference.Forward(contexts, targets);
            values[index] = saved;
            return (plus - minus) / (2 * Step);
        }

        private static void AssertClose(double[,] expected, ReadOnlySpan<float> actual, double tolerance)
        {
            Assert.Equal(expected.Length, actual.Length);
            int columns = expected.GetLength(1);
            for (int i = 0; i < actual.Length; i++)
            {
                double e = expected[i / columns, i % columns];
                Assert.True(Math.Abs(e - actual[i]) <= tolerance * (1 + Math.Abs(e)), $"element {i}: expected {e:R}, got {actual[i]:R}");
            }
        }
    }
}
