using System;
using System.Linq;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class TrainingGradientTests
    {
        // A small corpus the literal one-hot reference can afford: V = 7, about 1,500 bigrams.
        private static readonly string[] SmallNames = TrainingTestData.RandomNames(300, 6, seed: 17);

        private static BigramCounts SmallCounts() => TrainingTestData.Count(SmallNames);

        private static void SmallExamples(BigramCounts counts, out int[] xs, out int[] ys) => TrainingTestData.Examples(counts.Vocabulary, SmallNames, out xs, out ys);

        private static float[] Evaluate(object objective, float[] weights, out BigramLoss loss)
        {
            var gradient = new float[weights.Length];
            loss = objective is CountMatrixObjective countMatrix ? countMatrix.Evaluate(weights, gradient) : ((PerExampleObjective)objective).Evaluate(weights, gradient);
            return gradient;
        }

        private static object[] BothPaths(BigramCounts counts, float regularization) => new object[]
        {
            PerExampleObjective.FromCounts(counts, regularization, chunkSize: 97),
            new CountMatrixObjective(counts, regularization),
        };

        [Fact]
        public void ReferenceGradientEqualsFiniteDifferences()
        {
            BigramCounts counts = SmallCounts();
            SmallExamples(counts, out int[] xs, out int[] ys);
            int v = counts.Size;
            double[] weights = ReferenceBigramNet.ToDouble(TrainingTestData.Gaussian(v * v, seed: 5));
            var gradient = new double[v * v];
            ReferenceBigramNet.Loss(v, weights, xs, ys, 0.1, gradient);
            const double h = 1e-5;
            for (int cell = 0; cell < weights.Length; cell++)
            {
                double original = weights[cell];
                weights[cell] = original + h;
                double up = ReferenceBigramNet.Loss(v, weights, xs, ys, 0.1);
                weights[cell] = original - h;
                double down = ReferenceBigramNet.Loss(v, weights, xs, ys, 0.1);
                weights[cell] = original;
                Assert.Equal((up - down) / (2 * h), gradient[cell], 1e-8);
            }
        }

        [Theory]
        [InlineData(0f)]
        [InlineData(0.01f)]
        [InlineData(1f)]
        public void BothPathsEqualTheLiteralOneHotReference(float regularization)
        {
            BigramCounts counts = SmallCounts();
            SmallExamples(counts, out int[] xs, out int[] ys);
            int v = counts.Size;
            float[] weights = TrainingTestData.Gaussian(v * v, seed: 8, scale: 2.0);
            var expectedGradient = new double[v * v];
            double expectedLoss = ReferenceBigramNet.Loss(v, ReferenceBigramNet.ToDouble(weights), xs, ys, regularization, expectedGradient);

            object[] objectives = BothPaths(counts, regularization)
                .Append(new PerExampleObjective(v, xs, ys, regularization)) // the examples in name order, as a given xs/ys list
                .ToArray();
            foreach (object objective in objectives)
            {
                float[] gradient = Evaluate(objective, weights, out BigramLoss loss);
                Assert.Equal(expectedLoss, loss.Loss, 1e-6 * expectedLoss);
                Assert.True(TrainingTestData.DistanceTo(gradient, expectedGradient) <= 1e-6 * TrainingTestData.Norm(expectedGradient),
                    $"{objective.GetType().Name}: gradient off by {TrainingTestData.DistanceTo(gradient, expectedGradient)}");
            }
        }

        [Fact]
        public void AnalyticGradientOfBothPathsEqualsFiniteDifferencesInDouble()
        {
            BigramCounts counts = SmallCounts();
            SmallExamples(counts, out int[] xs, out int[] ys);
            int v = counts.Size;
            float[] weights = TrainingTestData.Gaussian(v * v, seed: 9);
            double[] point = ReferenceBigramNet.ToDouble(weights);
            var numeric = new double[v * v];
            const double h = 1e-5;
            for (int cell = 0; cell < point.Length; cell++)
            {
                double original = point[cell];
                point[cell] = original + h;
                double up = ReferenceBigramNet.Loss(v, point, xs, ys, 0.05);
                point[cell] = original - h;
                double down = ReferenceBigramNet.Loss(v, point, xs, ys, 0.05);
                point[cell] = original;
                numeric[cell] = (up - down) / (2 * h);
            }

            foreach (object objective in BothPaths(counts, 0.05f))
            {
                float[] gradient = Evaluate(objective, weights, out _);
                Assert.True(TrainingTestData.DistanceTo(gradient, numeric) <= 1e-5 * TrainingTestData.Norm(numeric),
                    $"{objective.GetType().Name}: off by {TrainingTestData.DistanceTo(gradient, numeric)} of {TrainingTestData.Norm(numeric)}");
            }
        }

        [Theory]
        [InlineData(WeightInitialization.Random, 0.01f)]
        [InlineData(WeightInitialization.Random, 0f)]
        [InlineData(WeightInitialization.Zeros, 0.01f)]
        [InlineData(WeightInitialization.Zeros, 0f)]
        [InlineData(WeightInitialization.LogCounts, 0.01f)]
        public void PerExamplePathEqualsCountMatrixPathOnANamesSizedCorpus(WeightInitialization initialization, float regularization)
        {
            BigramCounts counts = NamesSizedCounts();
            float[] weights = BigramTrainer.InitialWeights(counts, new TrainingOptions { Initialization = initialization });
            var perExample = PerExampleObjective.FromCounts(counts, regularization);
            var countMatrix = new CountMatrixObjective(counts, regularization);
            float[] a = Evaluate(perExample, weights, out BigramLoss lossA);
            float[] b = Evaluate(countMatrix, weights, out BigramLoss lossB);
            Assert.True(Math.Abs(lossA.Loss - lossB.Loss) <= 1e-5 * Math.Abs(lossB.Loss), $"losses {lossA.Loss:R} and {lossB.Loss:R}");
            double distance = TrainingTestData.DistanceTo(a, b.Select(x => (double)x).ToArray());
            Assert.True(distance <= 1e-5 * TrainingTestData.Norm(b), $"gradients differ by {distance} of {TrainingTestData.Norm(b)}");
        }

        [Fact]
        public void AtTheOptimumBothPathsStayWithinFloatResolutionOfTheExactGradient()
        {
            // At W = log(N + 1) with λ = 0 the gradient nearly vanishes (norm ≈ 7e-5): it is the difference of
            // T_i·p/B and N/B, terms up to ~0.14, so float probabilities bound any float implementation to ~1e-8
            // absolute. Both paths must reach that bound against the exact double gradient, and agree in loss to 1e-5.
            BigramCounts counts = NamesSizedCounts();
            float[] weights = BigramTrainer.InitialWeights(counts, new TrainingOptions { Initialization = WeightInitialization.LogCounts });
            double[] exact = ExactCountMatrixGradient(counts, weights, out double exactLoss);
            foreach (object objective in BothPaths(counts, 0f))
            {
                float[] gradient = Evaluate(objective, weights, out BigramLoss loss);
                Assert.Equal(exactLoss, loss.Loss, 1e-6 * exactLoss);
                double distance = TrainingTestData.DistanceTo(gradient, exact);
                Assert.True(distance <= 2e-8, $"{objective.GetType().Name}: {distance} from the exact gradient of norm {TrainingTestData.Norm(exact)}");
            }
        }

        // About as many names and bigrams as the bundled data set, over 27 symbols.
        private static readonly Lazy<BigramCounts> NamesSized = new Lazy<BigramCounts>(() => TrainingTestData.Count(TrainingTestData.RandomNames(32_000, 26, seed: 1, maxLength: 12)));

        private static BigramCounts NamesSizedCounts()
        {
            Assert.Equal(27, NamesSized.Value.Size);
            return NamesSized.Value;
        }

        // The full-batch gradient (λ = 0) from the count matrix, entirely in double.
        private static double[] ExactCountMatrixGradient(BigramCounts counts, float[] weights, out double loss)
        {
            int v = counts.Size;
            double total = counts.TotalBigrams;
            var gradient = new double[v * v];
            loss = 0.0;
            for (int i = 0; i < v; i++)
            {
                double max = double.NegativeInfinity;
                for (int j = 0; j < v; j++)
                {
                    max = Math.Max(max, weights[(i * v) + j]);
                }

                double sum = 0.0;
                for (int j = 0; j < v; j++)
                {
                    sum += Math.Exp(weights[(i * v) + j] - max);
                }

                double logSumExp = max + Math.Log(sum);
                for (int j = 0; j < v; j++)
                {
                    double p = Math.Exp(weights[(i * v) + j] - logSumExp);
                    gradient[(i * v) + j] = ((counts.GetRowTotal(i) * p) - counts[i, j]) / total;
                    loss += counts[i, j] * (logSumExp - weights[(i * v) + j]) / total;
                }
            }

            return gradient;
        }

        [Fact]
        public void EveryGradientRowSumsToZeroWithoutRegularization()
        {
            BigramCounts counts = SmallCounts();
            int v = counts.Size;
            float[] weights = TrainingTestData.Gaussian(v * v, seed: 12, scale: 3.0);
            foreach (object objective in BothPaths(counts, 0f))
            {
                float[] gradient = Evaluate(objective, weights, out _);
                for (int i = 0; i < v; i++)
                {
                    double rowSum = gradient.Skip(i * v).Take(v).Sum(g => (double)g);
                    Assert.True(Math.Abs(rowSum) <= 1e-7, $"{objective.GetType().Name}: row {i} sums to {rowSum}");
                }
            }
        }

        [Fact]
        public void OneExampleChangesOnlyTheRowOfItsCurrentCharacter()
        {
            const int v = 5;
            float[] weights = TrainingTestData.Gaussian(v * v, seed: 13);
            var objective = new PerExampleObjective(v, new[] { 2 }, new[] { 4 }, 0f);
            float[] gradient = Evaluate(objective, weights, out BigramLoss loss);
            for (int cell = 0; cell < gradient.Length; cell++)
            {
                if (cell / v != 2)
                {
                    Assert.Equal(0f, gradient[cell]);
                }
            }

            // Row 2 is p − onehot(4), and the loss is −log p[4].
            double[] row = weights.Skip(2 * v).Take(v).Select(w => (double)w).ToArray();
            double max = row.Max();
            double[] p = row.Select(w => Math.Exp(w - max)).ToArray();
            double total = p.Sum();
            for (int j = 0; j < v; j++)
            {
                Assert.Equal((p[j] / total) - (j == 4 ? 1 : 0), gradient[(2 * v) + j], 1e-6);
            }

            Assert.Equal(-Math.Log(p[4] / total), loss.Loss, 1e-6);
        }

        [Fact]
        public void AddingAConstantToARowChangesNothing()
        {
            BigramCounts counts = SmallCounts();
            int v = counts.Size;
            float[] weights = TrainingTestData.Gaussian(v * v, seed: 14);
            float[] shifted = (float[])weights.Clone();
            for (int j = 0; j < v; j++)
            {
                shifted[(3 * v) + j] += 37.5f;
                shifted[j] -= 11.25f;
            }

            foreach (object objective in BothPaths(counts, 0f))
            {
                float[] before = Evaluate(objective, weights, out BigramLoss lossBefore);
                float[] after = Evaluate(objective, shifted, out BigramLoss lossAfter);
                Assert.Equal(lossBefore.Loss, lossAfter.Loss, 1e-5 * lossBefore.Loss);
                for (int cell = 0; cell < before.Length; cell++)
                {
                    Assert.Equal(before[cell], after[cell], 1e-6);
                }
            }

            BigramModel a = BigramModel.FromWeights(counts, weights);
            BigramModel b = BigramModel.FromWeights(counts, shifted);
            Assert.True(ModelComparison.Compare(a, b).MaxAbsoluteDifference < 1e-6);
        }

        [Fact]
        public void AtLogCountsWithoutRegularizationTheGradientVanishesAndTrainingDoesNotMove()
        {
            // 27 symbols as in the bundled data: there the optimum is a stable fixed point of the default learning rate
            // (lr < 2 / the Hessian's largest eigenvalue); on a tiny vocabulary lr = 50 would amplify rounding instead.
            BigramCounts counts = TrainingTestData.EveryBigramOccurs(26, seed: 21);
            var options = new TrainingOptions { Initialization = WeightInitialization.LogCounts, InitializationSmoothing = 0, Regularization = 0f, Steps = 25 };
            float[] start = BigramTrainer.InitialWeights(counts, options);
            foreach (object objective in BothPaths(counts, 0f))
            {
                float[] gradient = Evaluate(objective, start, out _);
                Assert.True(TrainingTestData.Norm(gradient) < 1e-6, $"{objective.GetType().Name}: gradient norm {TrainingTestData.Norm(gradient)}");
            }

            foreach (GradientPath path in new[] { GradientPath.CountMatrix, GradientPath.PerExample })
            {
                options.GradientPath = path;
                BigramModel model = BigramTrainer.Train(counts, options);
                float[] end = model.GetWeights()!;
                for (int cell = 0; cell < start.Length; cell++)
                {
                    Assert.Equal(start[cell], end[cell], 1e-5);
                }

                Assert.All(model.LossHistory, record => Assert.Equal(model.LossHistory[0].Loss, record.Loss, 1e-6));
            }
        }

        [Fact]
        public void WithVanishingRegularizationTheNeuralNllApproachesTheCountModels()
        {
            BigramCounts counts = TrainingTestData.EveryBigramOccurs(4, seed: 22);
            BigramModel countModel = BigramModel.FromCounts(counts, 0.0);
            double countNll = 0.0;
            for (int cell = 0; cell < counts.Size * counts.Size; cell++)
            {
                countNll -= counts.AsSpan()[cell] * Math.Log(countModel.Probabilities[cell]);
            }

            countNll /= counts.TotalBigrams;
            var options = new TrainingOptions { Initialization = WeightInitialization.Zeros, Regularization = 1e-7f, LearningRate = 20f, Steps = 3000 };
            BigramModel neural = BigramTrainer.Train(counts, options);
            double neuralNll = neural.LossHistory[neural.LossHistory.Count - 1].NegativeLogLikelihood;
            Assert.True(neuralNll >= countNll - 1e-6, $"the neural NLL {neuralNll} cannot beat the maximum-likelihood {countNll}");
            Assert.True(neuralNll - countNll < 1e-5, $"neural NLL {neuralNll}, count NLL {countNll}");
            Assert.True(ModelComparison.Compare(countModel, neural).MaxAbsoluteDifference < 1e-3);

            // The NLL keeps falling towards it.
            Assert.True(neural.LossHistory[0].NegativeLogLikelihood > neural.LossHistory[100].NegativeLogLikelihood);
        }

        [Fact]
        public void HugeLogitsGiveFiniteLossAndGradient()
        {
            BigramCounts counts = SmallCounts();
            int v = counts.Size;
            var weights = new float[v * v];
            for (int cell = 0; cell < weights.Length; cell++)
            {
                weights[cell] = cell % 3 == 0 ? 1e4f : (cell % 3 == 1 ? -1e4f : 0f);
            }

            weights[v] = -3e4f; // one row far below the global maximum takes the per-row fallback
            foreach (object objective in BothPaths(counts, 0.01f))
            {
                float[] gradient = Evaluate(objective, weights, out BigramLoss loss);
                Assert.True(loss.IsFinite, $"{objective.GetType().Name}: {loss}");
                Assert.All(gradient, g => Assert.True(!float.IsNaN(g) && !float.IsInfinity(g)));
            }

            float[] a = Evaluate(BothPaths(counts, 0.01f)[0], weights, out BigramLoss lossA);
            float[] b = Evaluate(BothPaths(counts, 0.01f)[1], weights, out BigramLoss lossB);
            Assert.Equal(lossA.Loss, lossB.Loss, 1e-5 * lossB.Loss);
            Assert.True(TrainingTestData.DistanceTo(a, b.Select(x => (double)x).ToArray()) <= 1e-5 * TrainingTestData.Norm(b));

            BigramModel model = BigramModel.FromWeights(counts, weights);
            Assert.All(model.GetProbabilities(), p => Assert.True(p >= 0.0 && p <= 1.0));
        }

        [Fact]
        public void RowsFarBelowTheGlobalMaximumStayExact()
        {
            // Row 1 sits 200 below row 0: its exponentials under the global shift would all underflow.
            const int v = 3;
            var counts = new BigramCounts(Vocabulary.FromScalars(new int[] { 'a', 'b' }), new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, nameCount: 0);
            float[] weights = { 100f, 99f, 98f, -100f, -101f, -99f, 0f, 1f, 2f };
            var objective = new CountMatrixObjective(counts, 0f);
            float[] gradient = Evaluate(objective, weights, out BigramLoss loss);
            var xs = new int[45];
            var ys = new int[45];
            int b = 0;
            for (int cell = 0; cell < 9; cell++)
            {
                for (int n = 0; n < counts.AsSpan()[cell]; n++, b++)
                {
                    xs[b] = cell / v;
                    ys[b] = cell % v;
                }
            }

            var expectedGradient = new double[9];
            double expected = ReferenceBigramNet.Loss(v, ReferenceBigramNet.ToDouble(weights), xs, ys, 0.0, expectedGradient);
            Assert.Equal(expected, loss.Loss, 1e-6 * expected);
            for (int cell = 0; cell < 9; cell++)
            {
                Assert.Equal(expectedGradient[cell], gradient[cell], 1e-6);
            }
        }

        [Fact]
        public void NonFiniteWeightsGiveANonFiniteLossNotAQuietNumber()
        {
            BigramCounts counts = SmallCounts();
            int v = counts.Size;
            foreach (float bad in new[] { float.NaN, float.PositiveInfinity })
            {
                foreach (float regularization in new[] { 0f, 0.01f })
                {
                    float[] weights = TrainingTestData.Gaussian(v * v, seed: 30);
                    weights[(1 * v) + 2] = bad;
                    foreach (object objective in BothPaths(counts, regularization))
                    {
                        Evaluate(objective, weights, out BigramLoss loss);
                        Assert.False(loss.IsFinite, $"{objective.GetType().Name} with {bad}, λ = {regularization}: {loss}");
                    }
                }
            }
        }

        [Fact]
        public void ZeroWeightsGiveLnVAsTheLoss()
        {
            BigramCounts counts = SmallCounts();
            int v = counts.Size;
            foreach (object objective in BothPaths(counts, 0.5f))
            {
                Evaluate(objective, new float[v * v], out BigramLoss loss);
                Assert.Equal(Math.Log(v), loss.Loss, 1e-6);
                Assert.Equal(0.0, loss.Regularization);
            }
        }

        [Fact]
        public void MiniBatchOfEveryExampleEqualsTheFullBatch()
        {
            BigramCounts counts = SmallCounts();
            int v = counts.Size;
            var objective = PerExampleObjective.FromCounts(counts, 0.01f, chunkSize: 64);
            float[] weights = TrainingTestData.Gaussian(v * v, seed: 31);
            float[] full = Evaluate(objective, weights, out BigramLoss fullLoss);
            int[] everyExample = Enumerable.Range(0, objective.ExampleCount).Reverse().ToArray();
            var batch = new float[v * v];
            BigramLoss batchLoss = objective.Evaluate(weights, everyExample, batch);
            Assert.Equal(fullLoss.Loss, batchLoss.Loss, 1e-6 * fullLoss.Loss);
            Assert.True(TrainingTestData.DistanceTo(batch, full.Select(x => (double)x).ToArray()) <= 1e-6 * TrainingTestData.Norm(full));
        }

        [Fact]
        public void BadShapesAndExamplesAreRejectedWithClearMessages()
        {
            BigramCounts counts = SmallCounts();
            int v = counts.Size;
            var countMatrix = new CountMatrixObjective(counts, 0f);
            var error = Assert.Throws<ArgumentException>(() => countMatrix.Evaluate(new float[3], new float[v * v]));
            Assert.Contains($"{v * v} weights", error.Message);
            Assert.Throws<ArgumentException>(() => countMatrix.Evaluate(new float[v * v], new float[2]));
            Assert.Throws<ArgumentException>(() => new PerExampleObjective(v, new[] { 0, 1 }, new[] { 0 }, 0f));
            Assert.Throws<ArgumentException>(() => new PerExampleObjective(v, new[] { v }, new[] { 0 }, 0f));
            Assert.Throws<ArgumentException>(() => new PerExampleObjective(v, Array.Empty<int>(), Array.Empty<int>(), 0f));
            Assert.Throws<ArgumentOutOfRangeException>(() => new CountMatrixObjective(counts, -1f));
            Assert.Throws<ArgumentOutOfRangeException>(() => new CountMatrixObjective(counts, float.NaN));
            var empty = new BigramCounts(counts.Vocabulary, new long[v * v], nameCount: 0);
            Assert.Contains("no bigram", Assert.Throws<ArgumentException>(() => new CountMatrixObjective(empty, 0f)).Message);
            var perExample = PerExampleObjective.FromCounts(counts, 0f);
            Assert.Throws<ArgumentException>(() => perExample.Evaluate(new float[v * v], new[] { perExample.ExampleCount }, new float[v * v]));
            Assert.Throws<ArgumentException>(() => perExample.Evaluate(new float[v * v], ReadOnlySpan<int>.Empty, new float[v * v]));
        }
    }
}
