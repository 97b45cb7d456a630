using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace MakemorePS.Module.Tests
{
    /// <summary>
    /// The help Get-Help shows after `dotnet build` and Import-Module is generated from docs/ by ./build.ps1 -Task Help
    /// and committed (no build step runs PlatyPS). These tests catch markdown that changed without regenerating it.
    /// </summary>
    public class CompiledHelpTests
    {
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

        private static string MamlPath => Path.Combine(RepositoryLayout.Root, "module", "en-US", "MakemorePS.dll-Help.xml");

        public static TheoryData<string> ContractCmdletNames => ContractCmdlets.Data();

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void CompiledHelpMatchesTheMarkdown(string commandName)
        {
            Assert.True(File.Exists(MamlPath), "module/en-US/MakemorePS.dll-Help.xml is missing: run ./build.ps1 -Task Help and commit it.");
            XElement? command = XDocument.Load(MamlPath).Root!.Elements(Command + "command")
                .FirstOrDefault(c => (string?)c.Element(Command + "details")?.Element(Command + "name") == commandName);
            Assert.True(command != null, $"The compiled help has no {commandName}: run ./build.ps1 -Task Help and commit module/en-US.");

            CommandHelpDocument document = CommandHelpDocument.Load(Path.Combine(RepositoryLayout.DocsDirectory, commandName + ".md"));
            const string Stale = " differs from the markdown: run ./build.ps1 -Task Help and commit module/en-US.";
            string synopsis = Paragraphs(command!.Element(Command + "details")!.Element(Maml + "description"));
            Assert.True(Normalize(document.Synopsis) == synopsis, $"{commandName}: the compiled SYNOPSIS" + Stale);
            Assert.True(Normalize(document.Description) == Paragraphs(command.Element(Maml + "description")), $"{commandName}: the compiled DESCRIPTION" + Stale);

            var titles = command.Element(Command + "examples")?.Elements(Command + "example")
                .Select(e => ((string?)e.Element(Maml + "title") ?? string.Empty).Trim('-', ' ')).ToList() ?? new List<string>();
            Assert.True(document.Examples.Select(e => e.Text).SequenceEqual(titles), $"{commandName}: the compiled examples" + Stale);

            var parameters = command.Element(Command + "parameters")?.Elements(Command + "parameter")
                .Select(p => (string?)p.Element(Maml + "name") ?? string.Empty).OrderBy(n => n, StringComparer.Ordinal).ToList() ?? new List<string>();
            Assert.True(
                document.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).SequenceEqual(parameters),
                $"{commandName}: the compiled parameters [{string.Join(", ", parameters)}]" + Stale);
        }

        [Fact]
        public void CompiledHelpHasNoCommandThatTheDocsLack()
        {
            Assert.True(File.Exists(MamlPath), "module/en-US/MakemorePS.dll-Help.xml is missing: run ./build.ps1 -Task Help and commit it.");
            string[] names = XDocument.Load(MamlPath).Root!.Elements(Command + "command")
                .Select(c => (string?)c.Element(Command + "details")?.Element(Command + "name") ?? string.Empty).ToArray();
            Assert.Equal(ContractCmdlets.Names.OrderBy(n => n, StringComparer.Ordinal), names.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void AboutHelpTextIsTheMarkdown()
        {
            string helpText = Path.Combine(RepositoryLayout.Root, "en-US", "about_MakemorePS.help.txt");
            Assert.True(File.Exists(helpText), "en-US/about_MakemorePS.help.txt is missing: run ./build.ps1 -Task Help and commit it.");
            string markdown = File.ReadAllText(Path.Combine(RepositoryLayout.DocsDirectory, "about_MakemorePS.md"));
            Assert.True(
                markdown.Replace("\r\n", "\n", StringComparison.Ordinal) == File.ReadAllText(helpText).Replace("\r\n", "\n", StringComparison.Ordinal),
                "en-US/about_MakemorePS.help.txt differs from docs/about_MakemorePS.md: run ./build.ps1 -Task Help and commit en-US.");
        }

        private static string Paragraphs(XElement? description) =>
            Normalize(string.Join(" ", description?.Elements(Maml + "para").Select(p => p.Value) ?? Enumerable.Empty<string>()));

        private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
    }
}
