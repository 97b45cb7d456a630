using System;
using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Baselines;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// One full-batch gradient-descent step on the bundled names (V = 27; every bigram of every name in the batch),
    /// with the lecture's settings (lr 50, λ 0.01, W ~ N(0, 1)): the lecture's one-hot @ W step against the core
    /// trainer's two paths, (a) per example and (b) from the count matrix. Each invocation continues training from the
    /// previous one, as a training loop does.
    /// </summary>
    [MemoryDiagnoser]
    public class FullBatchStepBenchmarks
    {
        private TrainingExamples _examples = null!;
        private TextbookOneHotStep _textbook = null!;
        private TrainerPool _perExample = null!;
        private TrainerPool _countMatrix = null!;

        [GlobalSetup]
        public void Setup()
        {
            BigramCounts counts = BenchmarkData.BundledCounts;
            var defaults = new TrainingOptions();
            _examples = TrainingExamples.FromNames(BenchmarkData.BundledNames, counts.Vocabulary);
            _textbook = new TextbookOneHotStep(counts.Size, _examples.Count, defaults.LearningRate, defaults.Regularization, defaults.Seed);
            _perExample = new TrainerPool(counts, new TrainingOptions { GradientPath = GradientPath.PerExample });
            _countMatrix = new TrainerPool(counts, new TrainingOptions { GradientPath = GradientPath.CountMatrix });

            // All three start from the same W and data, so their first losses must agree (the lecture's first loss).
            double textbook = new TextbookOneHotStep(counts.Size, _examples.Count, defaults.LearningRate, defaults.Regularization, defaults.Seed).Step(_examples.Xs, _examples.Ys);
            double pathA = new BigramTrainer(counts, new TrainingOptions { GradientPath = GradientPath.PerExample }).Step().Loss;
            double pathB = new BigramTrainer(counts, new TrainingOptions { GradientPath = GradientPath.CountMatrix }).Step().Loss;
            if (Math.Abs(pathA - textbook) > 1e-4 * textbook || Math.Abs(pathB - textbook) > 1e-4 * textbook)
            {
                throw new InvalidOperationException($"First losses differ: textbook {textbook:R}, path (a) {pathA:R}, path (b) {pathB:R}.");
            }
        }

        [Benchmark(Baseline = true, Description = "Textbook one-hot @ W (B×V by V×V)")]
        public double TextbookOneHot() => _textbook.Step(_examples.Xs, _examples.Ys);

        [Benchmark(Description = "Core Step(), path (a) per example")]
        public TrainingRecord CorePerExample() => _perExample.Step();

        [Benchmark(Description = "Core Step(), path (b) count matrix")]
        public TrainingRecord CoreCountMatrix() => _countMatrix.Step();
    }
}
