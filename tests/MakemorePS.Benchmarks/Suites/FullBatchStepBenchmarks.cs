using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Baselines;
using MakemorePS.Benchmarks.Data;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// One full-batch gradient-descent step on the bundled names (V = 27, every bigram of every name in the batch):
    /// the lecture's one-hot @ W step against the core's two paths. Each invocation continues training from the
    /// previous one, as a training loop does.
    /// </summary>
    [MemoryDiagnoser]
    public class FullBatchStepBenchmarks
    {
        private const float LearningRate = 50f;
        private const float Regularization = 0.01f;
        private const long Seed = 2147483647L;

        private TrainingExamples _examples = null!;
        private TextbookOneHotStep _textbook = null!;

        [GlobalSetup]
        public void Setup()
        {
            _examples = TrainingExamples.FromNames(BenchmarkData.BundledNames, BenchmarkData.BundledCounts.Vocabulary);
            _textbook = new TextbookOneHotStep(BenchmarkData.BundledCounts.Size, _examples.Count, LearningRate, Regularization, Seed);
        }

        [Benchmark(Baseline = true, Description = "Textbook one-hot @ W (B×V by V×V)")]
        public double TextbookOneHot() => _textbook.Step(_examples.Xs, _examples.Ys);
    }
}
