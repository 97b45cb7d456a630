using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace MakemorePS.Module.Tests
{
    /// <summary>Where the repository's parts are, found from the test assembly's location.</summary>
    internal static class RepositoryLayout
    {
        private static readonly string[] IgnoredFolders = { "bin", "obj", ".git", "lib", "out", "TestResults" };

        public static string Root { get; } = FindRoot();

        public static string ManifestPath => Path.Combine(Root, "MakemorePS.psd1");

        public static string DocsDirectory => Path.Combine(Root, "docs");

        public static string ModuleSourceDirectory => Path.Combine(Root, "src", "MakemorePS");

        public static string CoreSourceDirectory => Path.Combine(Root, "src", "MakemorePS.Core");

        /// <summary>The configuration these tests were built in; the cmdlet assembly they inspect is built in the same one.</summary>
        public static string BuildConfiguration => typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BuildConfiguration").Value!;

        /// <summary>The net8.0 build output of src/MakemorePS (its assemblies and every dependency it ships).</summary>
        public static string ModuleLibDirectory => Path.Combine(ModuleSourceDirectory, "bin", BuildConfiguration, "net8.0");

        public static string CmdletAssemblyPath => Path.Combine(ModuleLibDirectory, "MakemorePS.dll");

        public static string CoreAssemblyPath => Path.Combine(ModuleLibDirectory, "MakemorePS.Core.dll");

        /// <summary>Files under <paramref name="directory"/> matching the pattern, skipping build output and git data.</summary>
        public static IReadOnlyList<string> FindFiles(string directory, string searchPattern)
        {
            var found = new List<string>();
            if (!Directory.Exists(directory))
            {
                return found;
            }

            var pending = new Stack<string>();
            pending.Push(directory);
            while (pending.Count > 0)
            {
                string current = pending.Pop();
                found.AddRange(Directory.GetFiles(current, searchPattern));
                foreach (string child in Directory.GetDirectories(current))
                {
                    if (!IgnoredFolders.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                    {
                        pending.Push(child);
                    }
                }
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }

        /// <summary>A path relative to the repository root with forward slashes, for readable failure messages.</summary>
        public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

        private static string FindRoot()
        {
            // The tests run from tests/MakemorePS.Module.Tests/bin/<configuration>/<framework>/: walk up to the manifest.
            for (DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "MakemorePS.psd1")) && File.Exists(Path.Combine(directory.FullName, "MakemorePS.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds MakemorePS.psd1 and MakemorePS.sln.");
        }
    }
}
