using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Baselines;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Benchmarks.Infrastructure;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// Sampling names from an add-one count model, in names/s: the core sampler against a linear scan of the
    /// cumulative distribution (torch.multinomial written out). One operation = one name; each invocation draws
    /// <see cref="NamesPerInvoke"/> names from one seeded generator. The setup checks that all three draw from the model
    /// (<see cref="SampleDistributionCheck"/>).
    /// </summary>
    [MemoryDiagnoser]
    public class SamplingBenchmarks
    {
        private const int NamesPerInvoke = 10_000;
        private const int MaxLength = 64;

        private BigramModel _model = null!;
        private LinearScanSampler _linearScan = null!;
        private BigramSampler _sampler = null!;
        private SampleOptions _options = null!;
        private Pcg32 _rng = null!;

        [Params(DataSet.Bundled, DataSet.Synthetic)]
        public DataSet Data { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _model = BigramModel.FromCounts(BenchmarkData.Counts(Data), 1.0);
            _linearScan = new LinearScanSampler(_model, MaxLength);
            _sampler = new BigramSampler(_model);
            _options = new SampleOptions { Count = NamesPerInvoke, MaxLength = MaxLength };
            _rng = new Pcg32(2147483647L);

            // The three draw from the model's distribution; the check uses generators of its own.
            var checkRng = new Pcg32(7);
            SampleDistributionCheck.Require("The linear-scan sampler", _model, MaxLength, emptyAllowed: true,
                SampleDistributionCheck.Draw(() => _linearScan.SampleOne(checkRng)));
            SampleDistributionCheck.Require("BigramSampler.SampleOne", _model, MaxLength, emptyAllowed: true,
                SampleDistributionCheck.Draw(() => _sampler.SampleOne(checkRng, null, MaxLength)));
            SampleDistributionCheck.Require("BigramSampler.Sample", _model, MaxLength, emptyAllowed: false,
                _sampler.Sample(new SampleOptions { Count = SampleDistributionCheck.NameCount, MaxLength = MaxLength, Seed = 8 }));
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = NamesPerInvoke, Description = "Linear-scan CDF sampling")]
        [Throughput(ThroughputUnit.Names)]
        public int LinearScan()
        {
            int characters = 0;
            for (int i = 0; i < NamesPerInvoke; i++)
            {
                characters += _linearScan.SampleOne(_rng).Length;
            }

            return characters;
        }

        [Benchmark(OperationsPerInvoke = NamesPerInvoke, Description = "Core BigramSampler.SampleOne (alias tables)")]
        [Throughput(ThroughputUnit.Names)]
        public int CoreSampleOne()
        {
            int characters = 0;
            for (int i = 0; i < NamesPerInvoke; i++)
            {
                characters += _sampler.SampleOne(_rng, null, MaxLength).Length;
            }

            return characters;
        }

        [Benchmark(OperationsPerInvoke = NamesPerInvoke, Description = "Core BigramSampler.Sample (lazy, as the cmdlet)")]
        [Throughput(ThroughputUnit.Names)]
        public int CoreSampleEnumerable()
        {
            int characters = 0;
            foreach (string name in _sampler.Sample(_options))
            {
                characters += name.Length;
            }

            return characters;
        }
    }
}
