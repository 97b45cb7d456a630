using System;
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
        private NameScorer _scorer = null!;

        [Params(DataSet.Bundled, DataSet.Synthetic)]
        public DataSet Data { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _names = BenchmarkData.Names(Data);
            var model = BigramModel.FromCounts(BenchmarkData.Counts(Data), 1.0);
            _textbook = new TextbookScorer(model);
            _scorer = new NameScorer(model);

            // Same work on both sides: the two must agree before their speed means anything.
            double textbook = Textbook();
            double core = CoreScoreDataset();
            if (Math.Abs(textbook - core) > 1e-9 * Math.Abs(textbook))
            {
                throw new InvalidOperationException($"The core scorer's mean NLL {core:R} differs from the textbook loop's {textbook:R}.");
            }
        }

        [Benchmark(Baseline = true, Description = "Textbook stoi-Dictionary loop")]
        [Throughput(ThroughputUnit.Bigrams)]
        public double Textbook() => _textbook.Score(_names).MeanNll;
    

        [Benchmark(Description = "Core NameScorer.ScoreDataset")]
        [Throughput(ThroughputUnit.Bigrams)]
        public double CoreScoreDataset() => _scorer.ScoreDataset(_names).MeanNegativeLogLikelihood;

        [Benchmark(Description = "Core NameScorer.Score per name + accumulator (as the cmdlet)")]
        [Throughput(ThroughputUnit.Bigrams)]
        public double CoreScorePerName()
        {
            var accumulator = new DatasetScoreAccumulator();
            for (int i = 0; i < _names.Count; i++)
            {
                accumulator.Add(_scorer.Score(_names[i]));
            }

            return accumulator.ToScore().MeanNegativeLogLikelihood;
        }
    }
}
