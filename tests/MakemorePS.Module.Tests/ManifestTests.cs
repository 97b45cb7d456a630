using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace MakemorePS.Module.Tests
{
    /// <summary>MakemorePS.psd1, read as text: explicit exports that match the code, and one version for everything.</summary>
    public class ManifestTests
    {
        private static string ManifestText => File.ReadAllText(RepositoryLayout.ManifestPath);

        [Fact]
        public void CmdletsToExportListsExactlyTheCmdletClasses()
        {
            string[] exported = ReadStringList("CmdletsToExport");
            Assert.DoesNotContain(exported, e => e.Contains('*') || e.Contains('?'));
            Assert.Equal(exported.Length, exported.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(
                CmdletCatalog.Cmdlets.Select(c => c.CommandName!).OrderBy(n => n, StringComparer.Ordinal),
                exported.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void ManifestExportsNoWildcardsAnywhere()
        {
            foreach (string key in new[] { "CmdletsToExport", "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
            {
                Match match = Regex.Match(ManifestText, $@"(?m)^\s*{key}\s*=\s*(?<value>.*)$");
                Assert.True(match.Success, $"The manifest has no {key}; list the exports explicitly.");
                Assert.DoesNotContain("*", ReadRawValue(key), StringComparison.Ordinal);
            }
        }

        [Fact]
        public void ModuleVersionParsesAndIsTheAssemblyVersion()
        {
            Match match = Regex.Match(ManifestText, @"(?m)^\s*ModuleVersion\s*=\s*'(?<version>[^']*)'");
            Assert.True(match.Success, "The manifest has no ModuleVersion = '<version>' line.");
            Assert.True(Version.TryParse(match.Groups["version"].Value, out Version? version), $"ModuleVersion '{match.Groups["version"].Value}' is not a version.");

            // The manifest is the single source of the version: the build stamps it into the assemblies.
            Version? assemblyVersion = AssemblyName.GetAssemblyName(RepositoryLayout.CmdletAssemblyPath).Version;
            Assert.NotNull(assemblyVersion);
            Assert.Equal(Normalize(version!), Normalize(assemblyVersion!));
        }

        [Fact]
        public void ManifestIsReadyForBothEditionsAndTheGallery()
        {
            string text = ManifestText;
            Assert.Matches(@"(?m)^\s*CompatiblePSEditions\s*=\s*@\(\s*'Desktop'\s*,\s*'Core'\s*\)", text);
            Assert.Matches(@"(?m)^\s*PowerShellVersion\s*=\s*'5\.1'", text);
            Assert.Matches(@"(?m)^\s*ProjectUri\s*=\s*'https://", text);
            Assert.Matches(@"(?m)^\s*LicenseUri\s*=\s*'https://", text);
            Assert.Matches(@"(?m)^\s*Tags\s*=\s*@\(", text);
        }

        private static Version Normalize(Version version) =>
            new Version(version.Major, version.Minor, Math.Max(version.Build, 0), Math.Max(version.Revision, 0));

        /// <summary>The raw right-hand side of `key = ...`, following @( ... ) across lines.</summary>
        private static string ReadRawValue(string key)
        {
            string text = ManifestText;
            Match start = Regex.Match(text, $@"(?m)^\s*{key}\s*=\s*");
            Assert.True(start.Success, $"The manifest has no {key}.");
            int index = start.Index + start.Length;
            if (text.AsSpan(index).StartsWith("@(", StringComparison.Ordinal))
            {
                int end = text.IndexOf(')', index);
                Assert.True(end > index, $"The manifest's {key} = @( is never closed.");
                return text.Substring(index, end - index + 1);
            }

            int lineEnd = text.IndexOf('\n', index);
            return (lineEnd < 0 ? text.Substring(index) : text.Substring(index, lineEnd - index)).Trim();
        }

        /// <summary>The strings of a list such as CmdletsToExport = @( ... ), comments left out.</summary>
        internal static string[] ReadStringList(string key)
        {
            string raw = ReadRawValue(key);
            string withoutComments = Regex.Replace(raw, @"(?m)#.*$", string.Empty);
            return Regex.Matches(withoutComments, @"'(?<item>[^']*)'|""(?<item>[^""]*)""").Select(m => m.Groups["item"].Value).ToArray();
        }
    }
}
