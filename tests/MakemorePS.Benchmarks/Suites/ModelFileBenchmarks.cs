using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>What kind of model a file holds.</summary>
    public enum SavedModel
    {
        /// <summary>The add-one count model of the bundled names (with its 32 thousand training names).</summary>
        Counts,

        /// <summary>A neural model trained 100 steps on the bundled names (adds weights, settings and 100 loss records).</summary>
        Neural,
    }

    /// <summary>
    /// Saving and loading a model as versioned JSON (to a file, and to memory to separate serializing from the disk). The issue names no textbook baseline here, so each is set beside
    /// the raw file I/O of the same bytes (File.WriteAllBytes / File.ReadAllBytes): the ratio is what serializing,
    /// validating and the atomic replace add on top of moving the bytes.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
    [CategoriesColumn]
    public class ModelFileBenchmarks
    {
        private BigramModel _model = null!;
        private string _savePath = null!;
        private string _loadPath = null!;
        private string _rawPath = null!;
        private byte[] _json = null!;

        [Params(SavedModel.Counts, SavedModel.Neural)]
        public SavedModel Kind { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            BigramCounts counts = BenchmarkData.BundledCounts;
            _model = Kind == SavedModel.Counts
                ? BigramModel.FromCounts(counts, 1.0, BenchmarkData.BundledNames)
                : BigramTrainer.Train(counts, new TrainingOptions { Steps = 100 }, BenchmarkData.BundledNames);
            string directory = Path.Combine(BenchmarkData.TempDirectory, "models-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            _savePath = Path.Combine(directory, "saved.json");
            _loadPath = Path.Combine(directory, "load.json");
            _rawPath = Path.Combine(directory, "raw.json");
            ModelSerializer.Save(_model, _loadPath);
            _json = File.ReadAllBytes(_loadPath);
            Console.WriteLine($"// {Kind} model file: {_json.Length:N0} bytes");

            BigramModel loaded = ModelSerializer.Load(_loadPath);
            if (!loaded.Probabilities.SequenceEqual(_model.Probabilities))
            {
                throw new InvalidOperationException("A saved and loaded model's probabilities differ from the original's.");
            }
        }

        [GlobalCleanup]
        public void Cleanup() => Directory.Delete(Path.GetDirectoryName(_savePath)!, recursive: true);

        [BenchmarkCategory("Save"), Benchmark(Baseline = true, Description = "File.WriteAllBytes of the same JSON")]
        public void RawWrite() => File.WriteAllBytes(_rawPath, _json);

        [BenchmarkCategory("Save"), Benchmark(Description = "Core ModelSerializer.Save to a file (atomic, flushed to disk)")]
        public void CoreSave() => ModelSerializer.Save(_model, _savePath);

        [BenchmarkCategory("Save"), Benchmark(Description = "Core ModelSerializer.Save to a MemoryStream")]
        public long CoreSaveToMemory()
        {
            using var stream = new MemoryStream(_json.Length);
            ModelSerializer.Save(_model, stream);
            return stream.Length;
        }

        [BenchmarkCategory("Load"), Benchmark(Baseline = true, Description = "File.ReadAllBytes of the same JSON")]
        public byte[] RawRead() => File.ReadAllBytes(_loadPath);

        [BenchmarkCategory("Load"), Benchmark(Description = "Core ModelSerializer.Load from a file")]
        public BigramModel CoreLoad() => ModelSerializer.Load(_loadPath);

        [BenchmarkCategory("Load"), Benchmark(Description = "Core ModelSerializer.Load from a MemoryStream")]
        public BigramModel CoreLoadFromMemory() => ModelSerializer.Load(new MemoryStream(_json, writable: false));
    }
}
