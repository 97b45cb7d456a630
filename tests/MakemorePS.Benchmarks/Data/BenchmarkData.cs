using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Data
{
    /// <summary>
    /// The inputs, loaded once per process. The synthetic corpus lives in a temp file (never in the repository),
    /// generated on first use and reused while its name (size, seed, source table fingerprint) matches.
    /// </summary>
    internal static class BenchmarkData
    {
        /// <summary>Environment variable carrying the corpus size to BenchmarkDotNet's child processes.</summary>
        public const string CorpusMegabytesVariable = "MAKEMOREPS_BENCH_CORPUS_MB";

        /// <summary>The default synthetic corpus size in MB (10^6 bytes).</summary>
        public const int DefaultCorpusMegabytes = 100;

        /// <summary>The seed of the synthetic corpus.</summary>
        public const long CorpusSeed = 20240101;

        /// <summary>How many synthetic names the per-name stages (scoring) use: held as strings, so not all 100 MB.</summary>
        public const int SyntheticNameSample = 2_000_000;

        private static readonly Lazy<byte[]> BundledUtf8Lazy = new Lazy<byte[]>(ReadBundledFile);
        private static readonly Lazy<byte[]> SyntheticUtf8Lazy = new Lazy<byte[]>(() => File.ReadAllBytes(EnsureSyntheticCorpus()));
        private static readonly Lazy<string[]> SyntheticNamesLazy = new Lazy<string[]>(ReadSyntheticNames);
        private static readonly Lazy<BigramCounts> SyntheticCountsLazy = new Lazy<BigramCounts>(() => BigramCounter.CountUtf8(SyntheticUtf8));

        /// <summary>Where the benchmarks keep generated files.</summary>
        public static string TempDirectory
        {
            get
            {
                string path = Path.Combine(Path.GetTempPath(), "makemoreps-bench");
                Directory.CreateDirectory(path);
                return path;
            }
        }

        /// <summary>The synthetic corpus size in bytes, from <see cref="CorpusMegabytesVariable"/> or the default.</summary>
        public static long CorpusBytes
        {
            get
            {
                string? text = Environment.GetEnvironmentVariable(CorpusMegabytesVariable);
                int megabytes = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed > 0 ? parsed : DefaultCorpusMegabytes;
                return megabytes * 1_000_000L;
            }
        }

        /// <summary>The bundled names (the core's <see cref="Core.BundledNames"/>).</summary>
        public static IReadOnlyList<string> BundledNames => Core.BundledNames.Names;

        public static byte[] BundledUtf8 => BundledUtf8Lazy.Value;

        public static BigramCounts BundledCounts => Core.BundledNames.Counts;

        public static byte[] SyntheticUtf8 => SyntheticUtf8Lazy.Value;

        /// <summary>The first <see cref="SyntheticNameSample"/> names of the synthetic corpus.</summary>
        public static IReadOnlyList<string> SyntheticNames => SyntheticNamesLazy.Value;

        public static BigramCounts SyntheticCounts => SyntheticCountsLazy.Value;

        public static byte[] Utf8(DataSet data) => data == DataSet.Bundled ? BundledUtf8 : SyntheticUtf8;

        public static IReadOnlyList<string> Names(DataSet data) => data == DataSet.Bundled ? BundledNames : SyntheticNames;

        public static BigramCounts Counts(DataSet data) => data == DataSet.Bundled ? BundledCounts : SyntheticCounts;

        /// <summary>The bundled names as a UTF-8 file in the temp directory (for the file counter).</summary>
        public static string BundledFilePath()
        {
            string path = Path.Combine(TempDirectory, $"bundled-{Fingerprint(BundledCounts)}.txt");
            if (!File.Exists(path))
            {
                WriteAtomically(path, stream => stream.Write(BundledUtf8, 0, BundledUtf8.Length));
            }

            return path;
        }

        public static string FilePath(DataSet data) => data == DataSet.Bundled ? BundledFilePath() : EnsureSyntheticCorpus();

        /// <summary>The synthetic corpus file, generated if it is not there yet.</summary>
        public static string EnsureSyntheticCorpus() => EnsureSyntheticCorpus(CorpusBytes);

        public static string EnsureSyntheticCorpus(long targetBytes)
        {
            string path = Path.Combine(TempDirectory, $"synthetic-{targetBytes}-seed{CorpusSeed}-{Fingerprint(BundledCounts)}.txt");
            if (!File.Exists(path))
            {
                // Corpora of other sizes or from an older names list are 100 MB each: keep only the one in use.
                foreach (string stale in Directory.EnumerateFiles(TempDirectory, "synthetic-*.txt"))
                {
                    File.Delete(stale);
                }

                var corpus = new SyntheticCorpus(BundledCounts);
                WriteAtomically(path, stream => corpus.Write(stream, targetBytes, CorpusSeed));
            }

            return path;
        }

        /// <summary>Writes a file through a temp name and a rename, so a killed run never leaves a half corpus behind.</summary>
        public static void WriteAtomically(string path, Action<Stream> write)
        {
            string partial = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".partial";
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(partial, path, overwrite: true);
        }

        /// <summary>A short hash of a count table, so a changed source table never reuses an old corpus.</summary>
        public static string Fingerprint(BigramCounts counts)
        {
            ulong hash = 14695981039346656037UL;
            foreach (long c in counts.AsSpan())
            {
                hash = unchecked((hash ^ (ulong)c) * 1099511628211UL);
            }

            foreach (string symbol in counts.Vocabulary.Symbols)
            {
                foreach (char ch in symbol)
                {
                    hash = unchecked((hash ^ ch) * 1099511628211UL);
                }
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>The embedded names file's bytes, exactly as shipped.</summary>
        private static byte[] ReadBundledFile()
        {
            using Stream stream = Core.BundledNames.OpenStream();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }

        private static string[] ReadSyntheticNames()
        {
            var names = new List<string>(SyntheticNameSample);
            foreach (string line in File.ReadLines(EnsureSyntheticCorpus()))
            {
                if (names.Count == SyntheticNameSample)
                {
                    break;
                }

                names.Add(line);
            }

            return names.ToArray();
        }
    }
}
