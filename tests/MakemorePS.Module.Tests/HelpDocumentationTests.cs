using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace MakemorePS.Module.Tests
{
    /// <summary>
    /// docs/ against the code: every cmdlet and parameter is documented in PlatyPS v2 markdown, and the docs describe
    /// nothing (cmdlet, parameter, parameter set, type, alias, pipeline binding, output) that the code does not have.
    /// </summary>
    public class HelpDocumentationTests
    {
        private static readonly string[] SectionOrder =
        {
            "SYNOPSIS", "SYNTAX", "ALIASES", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        private static readonly Regex ListItemStart = new Regex(@"^\s*([-*+]|[0-9]+[.)])(\s|$)", RegexOptions.CultureInvariant);

        private static readonly Regex SyntaxParameter = new Regex(@"(?<=[\s\[])-(?<name>[A-Za-z][A-Za-z0-9]*)", RegexOptions.CultureInvariant);

        public static TheoryData<string> ContractCmdletNames => ContractCmdlets.Data();

        [Fact]
        public void EveryCmdletInTheAssemblyHasAHelpFile()
        {
            Assert.NotEmpty(CmdletCatalog.Cmdlets);
            string[] undocumented = CmdletCatalog.Cmdlets.Select(c => c.CommandName!)
                .Where(n => !File.Exists(HelpPath(n))).ToArray();
            Assert.True(undocumented.Length == 0, "No docs/<Verb-Noun>.md for: " + string.Join(", ", undocumented));
        }

        [Fact]
        public void EveryCmdletHelpFileDocumentsACmdletInTheAssembly()
        {
            var cmdlets = CmdletCatalog.Cmdlets.Select(c => c.CommandName!).ToHashSet(StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (string path in Directory.GetFiles(RepositoryLayout.DocsDirectory, "*.md"))
            {
                CommandHelpDocument document = CommandHelpDocument.Load(path);
                if (document.DocumentType != "cmdlet")
                {
                    continue;
                }

                if (document.Title == null || !cmdlets.Contains(document.Title))
                {
                    problems.Add($"{document.FileName} documents '{document.Title}', which is not a cmdlet of the module");
                }
                else if (document.FileName != document.Title + ".md")
                {
                    problems.Add($"{document.FileName} documents {document.Title}; name the file {document.Title}.md");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void EveryMarkdownFileInDocsIsACmdletOrAnAboutTopic()
        {
            var problems = new List<string>();
            foreach (string path in Directory.GetFiles(RepositoryLayout.DocsDirectory, "*.md"))
            {
                CommandHelpDocument document = CommandHelpDocument.Load(path);
                bool isAbout = document.FileName.StartsWith("about_", StringComparison.Ordinal);
                if (document.DocumentType != "cmdlet" && document.DocumentType != "module" && !isAbout)
                {
                    problems.Add($"{document.FileName} is neither a cmdlet help file (document type: cmdlet), a module file, nor an about_ topic");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void HelpFileHasPlatyPSFrontMatterAndTitle(string commandName)
        {
            CommandHelpDocument document = LoadHelp(commandName);
            Assert.Equal("cmdlet", document.DocumentType);
            Assert.Equal("2024-05-01", Front(document, "PlatyPS schema version"));
            Assert.Equal("MakemorePS.dll-Help.xml", Front(document, "external help file"));
            Assert.Equal("MakemorePS", Front(document, "Module Name"));
            Assert.Equal("en-US", Front(document, "Locale"));
            Assert.Equal(commandName, document.Title);
            Assert.Equal(commandName, document.Heading1);
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void HelpFileHasEverySectionInPlatyPSOrder(string commandName)
        {
            CommandHelpDocument document = LoadHelp(commandName);
            Assert.Equal(SectionOrder, document.SectionNames);
            Assert.True(document.MentionsCommonParameters, $"{document.FileName}: '### CommonParameters' is missing under PARAMETERS.");
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void HelpFileHasSynopsisDescriptionAndAtLeastTwoExamples(string commandName)
        {
            CommandHelpDocument document = LoadHelp(commandName);
            Assert.False(string.IsNullOrWhiteSpace(document.Synopsis), $"{document.FileName}: empty SYNOPSIS.");
            Assert.False(string.IsNullOrWhiteSpace(document.Description), $"{document.FileName}: empty DESCRIPTION.");
            Assert.True(document.Examples.Count >= 2, $"{document.FileName} has {document.Examples.Count} examples; at least 2 are required.");
            foreach (MarkdownHeading example in document.Examples)
            {
                Assert.StartsWith("Example ", example.Text, StringComparison.Ordinal);
                IReadOnlyList<(string Info, string Code)> blocks = CommandHelpDocument.CodeBlocks(example);
                Assert.True(
                    blocks.Any(b => b.Info == "powershell" && b.Code.Contains(commandName, StringComparison.OrdinalIgnoreCase)),
                    $"{document.FileName}, '{example.Text}': needs a ```powershell block that runs {commandName}.");
                string prose = Regex.Replace(example.Body, "```[\\s\\S]*?```", string.Empty).Trim();
                Assert.False(prose.Length == 0, $"{document.FileName}, '{example.Text}': explain what the example does.");
            }

            string text = File.ReadAllText(document.Path);
            Assert.False(text.Contains("{{", StringComparison.Ordinal), $"{document.FileName} still has a PlatyPS '{{{{ … }}}}' placeholder.");
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void HelpFileDocumentsExactlyTheParametersOfTheCode(string commandName)
        {
            CmdletClass cmdlet = ContractCmdlets.Find(commandName);
            CommandHelpDocument document = LoadHelp(commandName);
            var expected = ExpectedParameterNames(cmdlet);
            var documented = document.Parameters.Select(p => p.Name).ToList();
            string[] missing = expected.Where(n => !documented.Contains(n)).ToArray();
            string[] extra = documented.Where(n => !expected.Contains(n)).ToArray();
            string[] repeated = documented.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            Assert.True(
                missing.Length == 0 && extra.Length == 0 && repeated.Length == 0,
                $"{document.FileName}: undocumented parameters [{string.Join(", ", missing)}]; documented but not in the code [{string.Join(", ", extra)}]; documented twice [{string.Join(", ", repeated)}].");
            foreach (ParameterHelp parameter in document.Parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter.Description), $"{document.FileName}: -{parameter.Name} has no description.");
            }

            Assert.Equal(documented.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), documented);
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void ParameterYamlBlocksMatchTheCode(string commandName)
        {
            CmdletClass cmdlet = ContractCmdlets.Find(commandName);
            CommandHelpDocument document = LoadHelp(commandName);
            var problems = new List<string>();
            foreach (ParameterHelp help in document.Parameters)
            {
                string where = $"{document.FileName} -{help.Name}";
                if (help.Yaml == null)
                {
                    problems.Add($"{where}: unreadable yaml block ({help.YamlError})");
                    continue;
                }

                CmdletParameter? code = cmdlet.Parameters.FirstOrDefault(p => p.Name == help.Name) ?? ShouldProcessParameter(cmdlet, help.Name);
                if (code == null)
                {
                    continue; // Reported by HelpFileDocumentsExactlyTheParametersOfTheCode.
                }

                ParameterYaml yaml = help.Yaml;
                Check(problems, where, "Type", code.TypeName, yaml.Type);
                Check(problems, where, "Aliases", string.Join(", ", code.Aliases.OrderBy(a => a, StringComparer.Ordinal)), string.Join(", ", yaml.Aliases.OrderBy(a => a, StringComparer.Ordinal)));
                Check(problems, where, "SupportsWildcards", code.SupportsWildcards, yaml.SupportsWildcards);
                Check(problems, where, "DontShow", code.Sets.Any(s => s.DontShow), yaml.DontShow);
                if (yaml.AcceptedValues.Count > 0)
                {
                    Check(problems, where, "AcceptedValues", string.Join(", ", code.AcceptedValues.OrderBy(v => v, StringComparer.Ordinal)), string.Join(", ", yaml.AcceptedValues.OrderBy(v => v, StringComparer.Ordinal)));
                }

                var documentedSets = yaml.ParameterSets.ToDictionary(s => s.Name ?? string.Empty, StringComparer.Ordinal);
                var codeSets = code.Sets.ToDictionary(s => SetDisplayName(s.Name), StringComparer.Ordinal);
                Check(problems, where, "ParameterSets", string.Join(", ", codeSets.Keys.OrderBy(k => k, StringComparer.Ordinal)), string.Join(", ", documentedSets.Keys.OrderBy(k => k, StringComparer.Ordinal)));
                foreach (KeyValuePair<string, ParameterSetMembership> pair in codeSets)
                {
                    if (!documentedSets.TryGetValue(pair.Key, out ParameterSetYaml? set))
                    {
                        continue;
                    }

                    string inSet = $"{where} in set {pair.Key}";
                    ParameterSetMembership membership = pair.Value;
                    Check(problems, inSet, "Position", membership.Position?.ToString(CultureInfo.InvariantCulture) ?? "Named", set.Position);
                    Check(problems, inSet, "IsRequired", membership.IsRequired, set.IsRequired);
                    Check(problems, inSet, "ValueFromPipeline", membership.ValueFromPipeline, set.ValueFromPipeline);
                    Check(problems, inSet, "ValueFromPipelineByPropertyName", membership.ValueFromPipelineByPropertyName, set.ValueFromPipelineByPropertyName);
                    Check(problems, inSet, "ValueFromRemainingArguments", membership.ValueFromRemainingArguments, set.ValueFromRemainingArguments);
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void SyntaxShowsEachParameterSetWithItsParameters(string commandName)
        {
            CmdletClass cmdlet = ContractCmdlets.Find(commandName);
            CommandHelpDocument document = LoadHelp(commandName);
            var codeSets = ParameterSetNames(cmdlet);
            var problems = new List<string>();
            IReadOnlyList<MarkdownHeading> syntax = document.Subsections("SYNTAX");
            var documentedSets = syntax.Select(h => h.Text.Replace(" (Default)", string.Empty, StringComparison.Ordinal)).ToList();
            Check(problems, document.FileName, "SYNTAX parameter sets", string.Join(", ", codeSets.OrderBy(s => s, StringComparer.Ordinal)), string.Join(", ", documentedSets.OrderBy(s => s, StringComparer.Ordinal)));
            var markedDefault = syntax.Where(h => h.Text.EndsWith(" (Default)", StringComparison.Ordinal))
                .Select(h => h.Text.Replace(" (Default)", string.Empty, StringComparison.Ordinal)).ToList();
            string expectedDefault = codeSets.Count > 1 || codeSets[0] != CmdletCatalog.AllParameterSets ? cmdlet.DefaultParameterSetName ?? string.Empty : string.Empty;
            Check(problems, document.FileName, "SYNTAX default parameter set", expectedDefault, string.Join(", ", markedDefault));
            foreach (MarkdownHeading set in syntax)
            {
                string setName = set.Text.Replace(" (Default)", string.Empty, StringComparison.Ordinal);
                (string Info, string Code) block = CommandHelpDocument.CodeBlocks(set).FirstOrDefault();
                if (block.Code == null || !block.Code.TrimStart().StartsWith(commandName, StringComparison.Ordinal))
                {
                    problems.Add($"{document.FileName} SYNTAX {setName}: the code block must start with {commandName}");
                    continue;
                }

                var expected = ParametersInSet(cmdlet, setName).OrderBy(n => n, StringComparer.Ordinal);
                var shown = SyntaxParameter.Matches(block.Code).Select(m => m.Groups["name"].Value).Distinct().OrderBy(n => n, StringComparer.Ordinal);
                Check(problems, $"{document.FileName} SYNTAX {setName}", "parameters", string.Join(", ", expected), string.Join(", ", shown));
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void OutputsListTheDeclaredOutputTypes(string commandName)
        {
            CmdletClass cmdlet = ContractCmdlets.Find(commandName);
            CommandHelpDocument document = LoadHelp(commandName);
            Assert.Equal(
                cmdlet.OutputTypeNames.OrderBy(n => n, StringComparer.Ordinal),
                document.OutputTypes.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void InputsListThePipelineParameterTypes(string commandName)
        {
            CmdletClass cmdlet = ContractCmdlets.Find(commandName);
            CommandHelpDocument document = LoadHelp(commandName);
            var pipelineTypes = cmdlet.Parameters
                .Where(p => p.Sets.Any(s => s.ValueFromPipeline || s.ValueFromPipelineByPropertyName))
                .Select(p => p.TypeName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            var documented = document.InputTypes.OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (pipelineTypes.Count == 0)
            {
                Assert.True(documented.Count == 0 || documented.SequenceEqual(new[] { "None" }), $"{document.FileName}: nothing binds from the pipeline, so INPUTS should be None.");
            }
            else
            {
                Assert.Equal(pipelineTypes, documented);
            }
        }

        [Fact]
        public void AboutTopicExplainsBothPathsAndHowTheyMeet()
        {
            string path = Path.Combine(RepositoryLayout.DocsDirectory, "about_MakemorePS.md");
            Assert.True(File.Exists(path), "docs/about_MakemorePS.md is missing.");
            CommandHelpDocument document = CommandHelpDocument.Load(path);
            Assert.Equal("about_MakemorePS", document.Title);
            Assert.Equal("about_MakemorePS", document.Heading1);
            Assert.Contains("Short description", document.SectionNames);
            Assert.Contains("Long description", document.SectionNames);
            string text = File.ReadAllText(path);
            foreach (string cmdlet in ContractCmdlets.Names)
            {
                Assert.True(text.Contains(cmdlet, StringComparison.Ordinal), $"about_MakemorePS never mentions {cmdlet}.");
            }

            Assert.Contains("softmax(log(N + k))", text, StringComparison.Ordinal);
            Assert.Contains("## See also", text, StringComparison.Ordinal);
        }

        [Fact]
        public void AboutTopicCmdletTableAndSeeAlsoListExactlyTheExportedCmdlets()
        {
            string[] lines = File.ReadAllLines(Path.Combine(RepositoryLayout.DocsDirectory, "about_MakemorePS.md"));
            var exported = ManifestTests.ReadStringList("CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.NotEmpty(exported);

            int header = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\|\s*Cmdlet\s*\|"));
            Assert.True(header >= 0, "about_MakemorePS has no table whose first column is 'Cmdlet'.");
            var tabled = lines.Skip(header + 2).TakeWhile(l => l.StartsWith("|", StringComparison.Ordinal))
                .Select(l => l.Split('|')[1].Trim().Trim('`')).ToList();
            Assert.Equal(tabled.Count, tabled.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(exported, tabled.OrderBy(n => n, StringComparer.Ordinal));

            var linked = lines.SkipWhile(l => l != "## See also").Skip(1)
                .Select(l => Regex.Match(l, @"^- \[(?<name>[^\]]+)\]\((?<file>[^)]+)\)$"))
                .Where(m => m.Success && m.Groups["file"].Value == m.Groups["name"].Value + ".md")
                .Select(m => m.Groups["name"].Value).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(exported, linked);
        }

        /// <summary>
        /// The help compiler (build/HelpCompiler.psm1) starts a new paragraph at every line that looks like a list item
        /// ("- ", "* ", or a number and "." or ")"), so prose wrapped onto a line that starts with "2147483647." is split
        /// in two. Only a paragraph that starts as a list item may have such lines.
        /// </summary>
        [Fact]
        public void NoProseLineStartsLikeAListItem()
        {
            var problems = new List<string>();
            foreach (string path in Directory.GetFiles(RepositoryLayout.DocsDirectory, "*.md"))
            {
                string[] lines = File.ReadAllLines(path);
                bool inFence = false;
                bool inFrontMatter = lines.Length > 0 && lines[0] == "---";
                string? paragraphStart = null;
                for (int i = inFrontMatter ? 1 : 0; i < lines.Length; i++)
                {
                    string line = lines[i];
                    if (inFrontMatter)
                    {
                        inFrontMatter = line != "---";
                        continue;
                    }

                    if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                    {
                        inFence = !inFence;
                        paragraphStart = null;
                        continue;
                    }

                    if (inFence || line.Trim().Length == 0 || line.StartsWith("#", StringComparison.Ordinal) || line.StartsWith("|", StringComparison.Ordinal))
                    {
                        paragraphStart = null;
                        continue;
                    }

                    if (paragraphStart == null)
                    {
                        paragraphStart = line;
                    }
                    else if (ListItemStart.IsMatch(line) && !ListItemStart.IsMatch(paragraphStart))
                    {
                        problems.Add($"{Path.GetFileName(path)}, line {i + 1}: '{line.Trim()}' would start a new paragraph; rewrap the line before it.");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        private static string HelpPath(string commandName) => Path.Combine(RepositoryLayout.DocsDirectory, commandName + ".md");

        private static CommandHelpDocument LoadHelp(string commandName)
        {
            string path = HelpPath(commandName);
            Assert.True(File.Exists(path), $"docs/{commandName}.md is missing.");
            return CommandHelpDocument.Load(path);
        }

        private static string? Front(CommandHelpDocument document, string key) =>
            document.FrontMatter.TryGetValue(key, out string? value) ? value : null;

        private static string SetDisplayName(string setName) => setName == CmdletCatalog.AllParameterSets ? "(All)" : setName;

        /// <summary>Code parameters plus -WhatIf and -Confirm, which SupportsShouldProcess adds and PlatyPS documents.</summary>
        private static List<string> ExpectedParameterNames(CmdletClass cmdlet)
        {
            var names = cmdlet.Parameters.Select(p => p.Name).ToList();
            if (cmdlet.SupportsShouldProcess)
            {
                names.Add("WhatIf");
                names.Add("Confirm");
            }

            return names;
        }

        private static CmdletParameter? ShouldProcessParameter(CmdletClass cmdlet, string name)
        {
            if (!cmdlet.SupportsShouldProcess || (name != "WhatIf" && name != "Confirm"))
            {
                return null;
            }

            var all = new ParameterSetMembership(CmdletCatalog.AllParameterSets, null, false, false, false, false, false);
            return new CmdletParameter(name, "System.Management.Automation.SwitchParameter", new[] { name == "WhatIf" ? "wi" : "cf" }, false, Array.Empty<string>(), new[] { all });
        }

        /// <summary>
        /// The named parameter sets (the default set too, which PowerShell shows even when only the parameters of all
        /// sets belong to it), or __AllParameterSets alone when the cmdlet names none (as PlatyPS writes it).
        /// </summary>
        private static List<string> ParameterSetNames(CmdletClass cmdlet)
        {
            var named = cmdlet.Parameters.SelectMany(p => p.Sets).Select(s => s.Name)
                .Where(n => n != CmdletCatalog.AllParameterSets).Distinct().ToList();
            if (named.Count > 0 && cmdlet.DefaultParameterSetName != null && !named.Contains(cmdlet.DefaultParameterSetName))
            {
                named.Add(cmdlet.DefaultParameterSetName);
            }

            return named.Count > 0 ? named : new List<string> { CmdletCatalog.AllParameterSets };
        }

        private static IEnumerable<string> ParametersInSet(CmdletClass cmdlet, string setName)
        {
            foreach (CmdletParameter parameter in cmdlet.Parameters)
            {
                if (parameter.Sets.Any(s => s.Name == setName || s.Name == CmdletCatalog.AllParameterSets))
                {
                    yield return parameter.Name;
                }
            }

            if (cmdlet.SupportsShouldProcess)
            {
                yield return "WhatIf";
                yield return "Confirm";
            }
        }

        private static void Check<T>(List<string> problems, string where, string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                problems.Add($"{where}: {what} is '{actual}' in the docs but '{expected}' in the code");
            }
        }
    }
}
