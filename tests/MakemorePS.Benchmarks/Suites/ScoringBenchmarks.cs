using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Baselines;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Benchmarks.Infrastructure;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// Scoring every bigram of a list of names under an add-one count model (dataset NLL), in bigrams/s: the core
    /// scorer against the lecture's stoi-Dictionary loop. Synthetic: the corpus's first
    /// <see cref="BenchmarkData.SyntheticNameSample"/> names (held as strings).
    /// </summary>
    [MemoryDiagnoser]
    public class ScoringBenchmarks
    {
        private IReadOnlyList<string> _names = null!;
        private TextbookScorer _textbook = null!;

        [Params(DataSet.Bundled, DataSet.Synthetic)]
        public DataSet Data { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _names = BenchmarkData.Names(Data);
            var model = BigramModel.FromCounts(BenchmarkData.Counts(Data), 1.0);
            _textbook = new TextbookScorer(model);
        }

        [Benchmark(Baseline = true, Description = "Textbook stoi-Dictionary loop")]
        [Throughput(ThroughputUnit.Bigrams)]
        public double Textbook() => _textbook.Score(_names).MeanNll;
    }
}
