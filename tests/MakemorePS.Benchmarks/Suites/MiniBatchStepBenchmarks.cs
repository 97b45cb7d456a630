using System;
using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Baselines;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// One mini-batch step on the bundled names: the lecture's one-hot step on a batch drawn with replacement
    /// (<c>ix = torch.randint(0, N, (B,))</c>) against the core trainer's mini-batch step (seeded shuffling, per-example path).
    /// The setup checks that on one and the same batch the core's mini-batch loss and gradient step give the textbook's loss and weights.
    /// </summary>
    [MemoryDiagnoser]
    public class MiniBatchStepBenchmarks
    {
        private const float LearningRate = 0.5f;
        private const float Regularization = 0.01f;
        private const long Seed = 2147483647L;

        private TrainingExamples _examples = null!;
        private TextbookOneHotStep _textbook = null!;
        private Pcg32 _rng = null!;
        private int[] _batchXs = null!;
        private int[] _batchYs = null!;
        private TrainerPool _trainer = null!;

        [Params(32, 1024)]
        public int BatchSize { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _examples = TrainingExamples.FromNames(BenchmarkData.BundledNames, BenchmarkData.BundledCounts.Vocabulary);
            _textbook = new TextbookOneHotStep(BenchmarkData.BundledCounts.Size, BatchSize, LearningRate, Regularization, Seed);
            _rng = new Pcg32(Seed);
            _batchXs = new int[BatchSize];
            _batchYs = new int[BatchSize];
            _trainer = new TrainerPool(BenchmarkData.BundledCounts, new TrainingOptions { BatchSize = BatchSize, LearningRate = LearningRate, Regularization = Regularization, Seed = Seed });
            if (_trainer.Path != GradientPath.PerExample)
            {
                throw new InvalidOperationException($"A batch of {BatchSize} should train through the per-example path, not {_trainer.Path}.");
            }

            CheckOneBatch();
        }

        /// <summary>The core's mini-batch objective and the textbook step, on the same batch from the same W, must agree.</summary>
        private void CheckOneBatch()
        {
            BigramCounts counts = BenchmarkData.BundledCounts;
            int v = counts.Size;
            var rng = new Pcg32(Seed + 1);
            var indices = new int[BatchSize];
            var xs = new int[BatchSize];
            var ys = new int[BatchSize];
            for (int b = 0; b < BatchSize; b++)
            {
                indices[b] = (int)rng.NextUInt32((uint)_examples.Count);
                xs[b] = _examples.Xs[indices[b]];
                ys[b] = _examples.Ys[indices[b]];
            }

            var textbook = new TextbookOneHotStep(v, BatchSize, LearningRate, Regularization, Seed);
            double textbookLoss = textbook.Step(xs, ys);

            float[] start = BigramTrainer.InitialWeights(counts, new TrainingOptions { Seed = Seed });
            float[] weights = (float[])start.Clone();
            var gradient = new float[v * v];
            var objective = new PerExampleObjective(v, _examples.Xs, _examples.Ys, Regularization);
            BigramLoss coreLoss = objective.Evaluate(weights, indices, gradient);
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] -= LearningRate * gradient[i];
            }

            StepChecks.RequireSameLoss($"the core's mini-batch of {BatchSize}", coreLoss.Loss, textbookLoss);
            StepChecks.RequireSameStep($"the core's mini-batch step of {BatchSize}", start, weights, textbook.Weights);
        }

        [Benchmark(Baseline = true, Description = "Textbook one-hot @ W on a random batch")]
        public double TextbookOneHot()
        {
            for (int b = 0; b < _batchXs.Length; b++)
            {
                int i = (int)_rng.NextUInt32((uint)_examples.Count);
                _batchXs[b] = _examples.Xs[i];
                _batchYs[b] = _examples.Ys[i];
            }

            return _textbook.Step(_batchXs, _batchYs);
        }

        [Benchmark(Description = "Core Step(), mini-batch (per-example path)")]
        public TrainingRecord CoreMiniBatch() => _trainer.Step();
    }
}
