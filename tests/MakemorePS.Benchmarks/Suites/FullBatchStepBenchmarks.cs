using System;
using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Baselines;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// One full-batch gradient-descent step on the bundled names (V = 27; every bigram of every name in the batch),
    /// with the lecture's settings (lr 50, λ 0.01, W ~ N(0, 1)): two baselines, the lecture's one-hot @ W step and the
    /// vectorized gather/scatter step PyTorch users write for speed (the ratio baseline, so the ratios compare
    /// implementations, not only algorithms), against the core trainer's two paths, (a) per example and (b) from the
    /// count matrix. Each invocation continues training from the previous one, as a training loop does.
    /// </summary>
    [MemoryDiagnoser]
    public class FullBatchStepBenchmarks
    {
        private TrainingExamples _examples = null!;
        private TextbookOneHotStep _textbook = null!;
        private GatherScatterStep _gatherScatter = null!;
        private TrainerPool _perExample = null!;
        private TrainerPool _countMatrix = null!;

        [GlobalSetup]
        public void Setup()
        {
            BigramCounts counts = BenchmarkData.BundledCounts;
            var defaults = new TrainingOptions();
            _examples = TrainingExamples.FromNames(BenchmarkData.BundledNames, counts.Vocabulary);
            _textbook = new TextbookOneHotStep(counts.Size, _examples.Count, defaults.LearningRate, defaults.Regularization, defaults.Seed);
            _gatherScatter = new GatherScatterStep(counts.Size, _examples.Count, defaults.LearningRate, defaults.Regularization, defaults.Seed);
            _perExample = new TrainerPool(counts, new TrainingOptions { GradientPath = GradientPath.PerExample });
            _countMatrix = new TrainerPool(counts, new TrainingOptions { GradientPath = GradientPath.CountMatrix });

            // All four start from the same W and data, so their first losses (the lecture's first loss) and the weights
            // after that step must agree.
            var textbookCheck = new TextbookOneHotStep(counts.Size, _examples.Count, defaults.LearningRate, defaults.Regularization, defaults.Seed);
            var gatherScatterCheck = new GatherScatterStep(counts.Size, _examples.Count, defaults.LearningRate, defaults.Regularization, defaults.Seed);
            var pathACheck = new BigramTrainer(counts, new TrainingOptions { GradientPath = GradientPath.PerExample });
            var pathBCheck = new BigramTrainer(counts, new TrainingOptions { GradientPath = GradientPath.CountMatrix });
            double textbook = textbookCheck.Step(_examples.Xs, _examples.Ys);
            double gatherScatter = gatherScatterCheck.Step(_examples.Xs, _examples.Ys);
            double pathA = pathACheck.Step().Loss;
            double pathB = pathBCheck.Step().Loss;
            foreach (double loss in new[] { gatherScatter, pathA, pathB })
            {
                if (Math.Abs(loss - textbook) > 1e-4 * textbook)
                {
                    throw new InvalidOperationException($"First losses differ: textbook {textbook:R}, gather/scatter {gatherScatter:R}, path (a) {pathA:R}, path (b) {pathB:R}.");
                }
            }

            float[] start = BigramTrainer.InitialWeights(counts, defaults);
            StepChecks.RequireSameStep("gather/scatter", start, gatherScatterCheck.Weights, textbookCheck.Weights);
            StepChecks.RequireSameStep("core path (a)", start, pathACheck.Weights, textbookCheck.Weights);
            StepChecks.RequireSameStep("core path (b)", start, pathBCheck.Weights, textbookCheck.Weights);
        }

        [Benchmark(Baseline = true, Description = "Vectorized gather/scatter (W[xs], index_add_)")]
        public double GatherScatter() => _gatherScatter.Step(_examples.Xs, _examples.Ys);

        [Benchmark(Description = "Textbook one-hot @ W (B×V by V×V)")]
        public double TextbookOneHot() => _textbook.Step(_examples.Xs, _examples.Ys);

        [Benchmark(Description = "Core Step(), path (a) per example")]
        public TrainingRecord CorePerExample() => _perExample.Step();

        [Benchmark(Description = "Core Step(), path (b) count matrix")]
        public TrainingRecord CoreCountMatrix() => _countMatrix.Step();
    }
}
