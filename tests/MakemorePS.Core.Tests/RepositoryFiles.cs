using System;
using System.IO;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>Finds committed files (fixtures written by the reference scripts) from the test assembly's folder.</summary>
    internal static class RepositoryFiles
    {
        /// <summary>The full path of a file given relative to the repository root (the folder of MakemorePS.sln).</summary>
        public static string PathOf(params string[] parts)
        {
            string? directory = AppContext.BaseDirectory;
            while (directory != null && !File.Exists(Path.Combine(directory, "MakemorePS.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            Assert.True(directory != null, "the repository root (MakemorePS.sln) is not above the test assembly");
            return Path.Combine(directory!, Path.Combine(parts));
        }
    }
}
