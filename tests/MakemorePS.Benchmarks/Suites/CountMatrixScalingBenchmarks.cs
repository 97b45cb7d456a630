using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// The count-matrix step does not depend on how many bigrams were counted: the same step on the bundled names
    /// (about 228 thousand bigrams) and on the synthetic corpus (about 100 million). The per-example and textbook
    /// steps are left out here: on 100 million bigrams they take seconds and gigabytes per step.
    /// </summary>
    [MemoryDiagnoser]
    public class CountMatrixScalingBenchmarks
    {
        private TrainerPool _trainer = null!;

        [Params(DataSet.Bundled, DataSet.Synthetic)]
        public DataSet Data { get; set; }

        [GlobalSetup]
        public void Setup() => _trainer = new TrainerPool(BenchmarkData.Counts(Data), new TrainingOptions { GradientPath = GradientPath.CountMatrix });

        [Benchmark(Description = "Core Step(), path (b) count matrix")]
        public TrainingRecord CoreCountMatrix() => _trainer.Step();
    }
}
