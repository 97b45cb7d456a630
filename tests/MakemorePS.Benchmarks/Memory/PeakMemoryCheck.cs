using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using MakemorePS.Benchmarks.Data;

namespace MakemorePS.Benchmarks.Memory
{
    /// <summary>
    /// Peak memory while the core's streaming file counter reads a large file: the file is generated in a fresh temp
    /// directory, counted in a separate process (so nothing else in that process holds memory), and deleted afterwards.
    /// The child reports its resident set before counting (the runtime's own floor), its peak resident set, the managed
    /// heap after counting and the bytes it allocated while counting.
    /// </summary>
    internal static class PeakMemoryCheck
    {
        /// <summary>The argument that makes this program the counting child.</summary>
        public const string ChildSwitch = "--count-file-child";

        /// <summary>Generates the file, runs the child, prints and saves the figures. Returns the child's exit code.</summary>
        public static int Run(long fileBytes)
        {
            string directory = Path.Combine(Path.GetTempPath(), "makemoreps-bench-memory-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                string path = Path.Combine(directory, "names.txt");
                Console.WriteLine($"Peak memory: writing {fileBytes:N0} bytes of synthetic names to {path} ...");
                var stopwatch = Stopwatch.StartNew();
                var corpus = new SyntheticCorpus(BenchmarkData.BundledCounts);
                long names;
                using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    names = corpus.Write(stream, fileBytes, BenchmarkData.CorpusSeed + 1);
                }

                long actualBytes = new FileInfo(path).Length;
                Console.WriteLine($"Peak memory: {names:N0} names, {actualBytes:N0} bytes written in {stopwatch.Elapsed.TotalSeconds:F1} s; counting in a child process ...");

                Dictionary<string, string> figures = RunChildProcess(path, out int exitCode);
                if (exitCode != 0)
                {
                    Console.Error.WriteLine($"Peak memory: the counting child failed with exit code {exitCode}.");
                    return exitCode;
                }

                string report = FormatReport(actualBytes, names, figures);
                Console.WriteLine(report);
                string resultsDirectory = Path.Combine("BenchmarkDotNet.Artifacts", "results");
                Directory.CreateDirectory(resultsDirectory);
                File.WriteAllText(Path.Combine(resultsDirectory, "PeakMemory-report-github.md"), report);
                return 0;
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        /// <summary>The child: counts the file with the core's streaming counter and prints key=value lines.</summary>
        public static int RunChild(string path)
        {
            // The floor: the runtime, the core assembly and the counter's code loaded, nothing counted yet.
            CoreCalls.CountFile(BenchmarkData.BundledFilePath());
            GC.Collect();
            long rssBefore = ResidentSetBytes("VmRSS");
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            string summary = CoreCalls.CountFile(path);
            stopwatch.Stop();
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            long peak = ResidentSetBytes("VmHWM");
            long heap = GC.GetTotalMemory(forceFullCollection: false);
            var output = new StringBuilder();
            output.Append("rssBefore=").Append(rssBefore.ToString(CultureInfo.InvariantCulture)).Append('\n');
            output.Append("peakRss=").Append(peak.ToString(CultureInfo.InvariantCulture)).Append('\n');
            output.Append("managedHeap=").Append(heap.ToString(CultureInfo.InvariantCulture)).Append('\n');
            output.Append("allocated=").Append(allocated.ToString(CultureInfo.InvariantCulture)).Append('\n');
            output.Append("seconds=").Append(stopwatch.Elapsed.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            output.Append("counted=").Append(summary).Append('\n');
            Console.Write(output.ToString());
            return 0;
        }

        private static Dictionary<string, string> RunChildProcess(string path, out int exitCode)
        {
            string host = Environment.ProcessPath ?? "dotnet";
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add(typeof(PeakMemoryCheck).Assembly.Location);
            }

            start.ArgumentList.Add(ChildSwitch);
            start.ArgumentList.Add(path);
            using Process child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
            string text = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            exitCode = child.ExitCode;
            var figures = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in text.Split('\n'))
            {
                int equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    figures[line.Substring(0, equals)] = line.Substring(equals + 1).Trim();
                }
            }

            return figures;
        }

        private static string FormatReport(long fileBytes, long names, Dictionary<string, string> figures)
        {
            double Mb(string key) => long.Parse(figures[key], CultureInfo.InvariantCulture) / 1048576.0;
            double seconds = double.Parse(figures["seconds"], CultureInfo.InvariantCulture);
            var text = new StringBuilder();
            text.AppendLine($"Counting a {fileBytes / 1048576.0:N0} MiB file ({names:N0} names) with the core's streaming file counter, in a separate process:");
            text.AppendLine();
            text.AppendLine("| Figure | Value |");
            text.AppendLine("|---|---:|");
            text.AppendLine($"| Peak resident set (VmHWM / peak working set) | {Mb("peakRss"):N1} MiB |");
            text.AppendLine($"| Resident set before counting (runtime floor) | {Mb("rssBefore"):N1} MiB |");
            text.AppendLine($"| Managed heap after counting (GC.GetTotalMemory) | {Mb("managedHeap"):N1} MiB |");
            text.AppendLine($"| Allocated while counting (GC.GetTotalAllocatedBytes) | {Mb("allocated"):N1} MiB |");
            text.AppendLine($"| Time | {seconds:N2} s ({fileBytes / 1e6 / seconds:N0} MB/s, file in the page cache) |");
            text.AppendLine($"| Result | {figures["counted"]} |");
            return text.ToString();
        }

        /// <summary>A resident-set figure in bytes: /proc/self/status on Linux, the Process API elsewhere.</summary>
        private static long ResidentSetBytes(string field)
        {
            const string status = "/proc/self/status";
            if (File.Exists(status))
            {
                foreach (string line in File.ReadLines(status))
                {
                    if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    {
                        string kilobytes = line.Substring(field.Length + 1).Trim().Split(' ')[0];
                        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                    }
                }
            }

            using Process self = Process.GetCurrentProcess();
            return field == "VmHWM" ? self.PeakWorkingSet64 : self.WorkingSet64;
        }
    }
}
