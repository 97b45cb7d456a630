using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Benchmarks.Infrastructure;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// The MLP at the lecture's sizes (batch 32, d = 10, H = 200, B = 3, BatchNorm): one training step, scoring every
    /// position of the bundled names, and sampling names. tests/reference/mlp_pytorch_timing.py times the PyTorch step
    /// for the README's comparison. The setup checks that the trained model scores the dev names near its own dev loss.
    /// </summary>
    [MemoryDiagnoser]
    public class MlpBenchmarks
    {
        private const int SampleCount = 10_000;

        private MlpTrainer _trainer = null!;
        private MlpModel _model = null!;
        private INameScorer _scorer = null!;
        private IReadOnlyList<string> _names = null!;
        private ContextWindowDataset _positions = null!;

        [GlobalSetup]
        public void Setup()
        {
            NameSplit split = NameSplit.Create(BenchmarkData.BundledNames);
            _trainer = new MlpTrainer(split.Train, new MlpTrainingOptions { Steps = int.MaxValue });

            // A model trained long enough to draw realistic names (their length sets the cost of sampling).
            var trainer = new MlpTrainer(split.Train, new MlpTrainingOptions { Steps = 20_000, DecayStep = 15_000 }, null, split.Dev);
            _model = trainer.Train().Model;
            _names = BenchmarkData.BundledNames;
            _scorer = NameScoring.CreateScorer(_model);
            _positions = ContextWindowDataset.Create(_names, _model.Vocabulary, _model.BlockSize);
            double dev = _scorer.ScoreDataset(split.Dev).MeanNegativeLogLikelihood;
            if (!(Math.Abs(dev - _model.DevLoss!.Value) < 1e-4))
            {
                throw new InvalidOperationException($"The scorer's dev loss {dev} differs from the trainer's {_model.DevLoss}.");
            }

            if (_positions.Count != _names.Sum(n => n.Length + 1))
            {
                throw new InvalidOperationException("The positions of the bundled names are not one per symbol and end.");
            }
        }

        /// <summary>One training step: draw the batch, forward, backward, update. Allocates nothing.</summary>
        [Benchmark]
        public double TrainingStep() => _trainer.Step();

        /// <summary>Scores every bundled name as Measure-NameLikelihood -Summary does (the generic scorer over ILanguageModel).</summary>
        [Benchmark]
        [Throughput(ThroughputUnit.Positions)]
        public double ScoreDataset() => _scorer.ScoreDataset(_names).MeanNegativeLogLikelihood;

        /// <summary>The mean NLL of every bundled position through the batched evaluation path, without the context cache.</summary>
        [Benchmark]
        [Throughput(ThroughputUnit.Positions)]
        public double MeanNegativeLogLikelihood() => _model.MeanNegativeLogLikelihood(_positions);

        /// <summary>Draws names as Get-NameSample does (the generic sampler over ILanguageModel); per name.</summary>
        [Benchmark(OperationsPerInvoke = SampleCount)]
        [Throughput(ThroughputUnit.Names)]
        public int Sample()
        {
            int length = 0;
            foreach (string name in NameSampling.Sample(_model, new SampleOptions { Count = SampleCount, Seed = 7 }))
            {
                length += name.Length;
            }

            return length;
        }
    }
}
