using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MakemorePS.Module.Tests
{
    /// <summary>
    /// The help Get-Help shows after `dotnet build` and Import-Module is compiled from docs/ by ./build.ps1 -Task Help
    /// (build/HelpCompiler.psm1) and committed. These tests catch markdown that changed without recompiling it, and
    /// help that would show markdown syntax, YAML or no default values to the user.
    /// </summary>
    public class CompiledHelpTests
    {
        private const string Stale = " differs from the markdown: run ./build.ps1 -Task Help and commit module/en-US and en-US.";

        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private static readonly Regex MarkdownLink = new Regex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant);
        private static readonly Regex InlineCode = new Regex(@"(?<![\w`])`[^`\n]+`(?![\w`])", RegexOptions.CultureInvariant);

        private static string MamlPath => Path.Combine(RepositoryLayout.Root, "module", "en-US", "MakemorePS.dll-Help.xml");

        public static TheoryData<string> ContractCmdletNames => ContractCmdlets.Data();

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void CompiledHelpMatchesTheMarkdown(string commandName)
        {
            XElement command = LoadCommand(commandName);
            CommandHelpDocument document = CommandHelpDocument.Load(Path.Combine(RepositoryLayout.DocsDirectory, commandName + ".md"));
            string synopsis = Paragraphs(command.Element(Command + "details")!.Element(Maml + "description"));
            Assert.True(Plain(document.Synopsis) == synopsis, $"{commandName}: the compiled SYNOPSIS" + Stale);
            Assert.True(Plain(document.Description) == Paragraphs(command.Element(Maml + "description")), $"{commandName}: the compiled DESCRIPTION" + Stale);

            var titles = command.Element(Command + "examples")?.Elements(Command + "example")
                .Select(e => ((string?)e.Element(Maml + "title") ?? string.Empty).Trim('-', ' ')).ToList() ?? new List<string>();
            Assert.True(document.Examples.Select(e => e.Text).SequenceEqual(titles), $"{commandName}: the compiled examples" + Stale);

            var parameters = command.Element(Command + "parameters")?.Elements(Command + "parameter")
                .Select(p => (string?)p.Element(Maml + "name") ?? string.Empty).OrderBy(n => n, StringComparer.Ordinal).ToList() ?? new List<string>();
            Assert.True(
                document.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).SequenceEqual(parameters),
                $"{commandName}: the compiled parameters [{string.Join(", ", parameters)}]" + Stale);

            foreach (ParameterHelp parameter in document.Parameters)
            {
                XElement compiled = command.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => (string?)p.Element(Maml + "name") == parameter.Name);
                Assert.True(Plain(parameter.Description) == Paragraphs(compiled.Element(Maml + "description")), $"{commandName} -{parameter.Name}: the compiled description" + Stale);
            }
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void CompiledHelpShowsNoMarkdownSyntax(string commandName)
        {
            XElement command = LoadCommand(commandName);
            var problems = new List<string>();
            foreach (XElement text in command.Descendants(Maml + "para").Concat(command.Descendants(Maml + "title")))
            {
                string value = text.Value;
                string preview = value.Length > 60 ? value.Substring(0, 60) + "…" : value;
                if (value.Contains("```", StringComparison.Ordinal))
                {
                    problems.Add($"a code fence in '{preview}'");
                }

                if (value.Contains("**", StringComparison.Ordinal))
                {
                    problems.Add($"**bold** in '{preview}'");
                }

                if (MarkdownLink.IsMatch(value))
                {
                    problems.Add($"a [link](target) in '{preview}'");
                }

                if (InlineCode.IsMatch(value))
                {
                    problems.Add($"`code` in '{preview}'");
                }
            }

            foreach (XElement example in command.Descendants(Command + "example"))
            {
                string code = (string?)example.Element(Dev + "code") ?? string.Empty;
                if (code.Trim().Length == 0 || code.Contains("```", StringComparison.Ordinal))
                {
                    problems.Add($"example '{(string?)example.Element(Maml + "title")}' has no plain code (dev:code)");
                }
            }

            Assert.True(problems.Count == 0, $"{commandName}: Get-Help would show raw markdown: " + string.Join("; ", problems));
        }

        [Theory]
        [MemberData(nameof(ContractCmdletNames))]
        public void CompiledHelpShowsTheDocumentedDefaultValues(string commandName)
        {
            XElement command = LoadCommand(commandName);
            CommandHelpDocument document = CommandHelpDocument.Load(Path.Combine(RepositoryLayout.DocsDirectory, commandName + ".md"));
            var problems = new List<string>();
            foreach (ParameterHelp parameter in document.Parameters)
            {
                XElement compiled = command.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => (string?)p.Element(Maml + "name") == parameter.Name);
                string expected = string.IsNullOrEmpty(parameter.Yaml?.DefaultValue) ? "None" : parameter.Yaml!.DefaultValue!;
                string? actual = (string?)compiled.Element(Dev + "defaultValue");
                if (actual != expected)
                {
                    problems.Add($"-{parameter.Name}: '{actual}' compiled, '{expected}' documented");
                }
            }

            Assert.True(problems.Count == 0, $"{commandName}: default values" + Stale + " " + string.Join("; ", problems));
        }

        [Fact]
        public void EveryLiteralParameterDefaultOfTheCodeIsDocumented()
        {
            var problems = new List<string>();
            int found = 0;
            List<ClassDeclarationSyntax> classes = RepositoryLayout.FindFiles(RepositoryLayout.ModuleSourceDirectory, "*.cs")
                .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
                .ToList();
            foreach (ClassDeclarationSyntax cmdletClass in classes)
            {
                string? commandName = CommandNameOf(cmdletClass);
                if (commandName == null)
                {
                    continue;
                }

                CommandHelpDocument document = CommandHelpDocument.Load(Path.Combine(RepositoryLayout.DocsDirectory, commandName + ".md"));
                foreach (PropertyDeclarationSyntax property in WithModuleBaseClasses(cmdletClass, classes).SelectMany(c => c.Members.OfType<PropertyDeclarationSyntax>()))
                {
                    bool isParameter = property.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Parameter" or "ParameterAttribute");
                    // An enum member (Initialization = WeightInitialization.Random) is a literal; a constant is not.
                    bool isEnum = CmdletCatalog.Cmdlets.FirstOrDefault(c => c.CommandName == commandName)?.Parameters
                        .FirstOrDefault(p => p.Name == property.Identifier.Text)?.AcceptedValues.Count > 0;
                    string? literal = LiteralDefault(property.Initializer?.Value, isEnum);
                    if (!isParameter || literal == null)
                    {
                        continue;
                    }

                    found++;
                    string name = property.Identifier.Text;
                    string? documented = document.Parameters.FirstOrDefault(p => p.Name == name)?.Yaml?.DefaultValue;
                    if (documented != literal)
                    {
                        problems.Add($"{commandName} -{name}: the code's default is {literal}, the docs say '{documented}'");
                    }
                }
            }

            Assert.True(found > 0, "No [Parameter] property with a literal default was found under src/MakemorePS/Commands.");
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
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
        public void AboutHelpTextIsTheMarkdownAsPlainText()
        {
            string helpText = Path.Combine(RepositoryLayout.Root, "en-US", "about_MakemorePS.help.txt");
            Assert.True(File.Exists(helpText), "en-US/about_MakemorePS.help.txt is missing: run ./build.ps1 -Task Help and commit it.");
            string text = File.ReadAllText(helpText).Replace("\r\n", "\n", StringComparison.Ordinal);
            string markdown = File.ReadAllText(Path.Combine(RepositoryLayout.DocsDirectory, "about_MakemorePS.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.False(text.StartsWith("---", StringComparison.Ordinal), "en-US/about_MakemorePS.help.txt starts with the YAML front matter, which Get-Help prints.");
            Assert.StartsWith("about_MakemorePS\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("```", text, StringComparison.Ordinal);
            Assert.DoesNotContain("**", text, StringComparison.Ordinal);
            Assert.True(AboutText(markdown) == text, "en-US/about_MakemorePS.help.txt" + Stale);
        }

        /// <summary>The about text build/HelpCompiler.psm1 makes of the markdown (ConvertTo-AboutHelpText).</summary>
        private static string AboutText(string markdown)
        {
            string[] lines = markdown.Split('\n');
            int start = 0;
            if (lines.Length > 0 && lines[0] == "---")
            {
                start = Array.IndexOf(lines, "---", 1) + 1;
            }

            var output = new List<string>();
            bool inCode = false;
            foreach (string line in lines.Skip(start))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                    continue;
                }

                if (inCode)
                {
                    output.Add("    " + line);
                    continue;
                }

                Match heading = Regex.Match(line, @"^#{1,6}\s+(.*)$");
                if (heading.Success)
                {
                    string text = heading.Groups[1].Value.Trim();
                    output.Add(text.StartsWith("about_", StringComparison.Ordinal) ? text : text.ToUpperInvariant());
                    continue;
                }

                output.Add(Regex.IsMatch(line, @"^\s*\|")
                    ? line.Replace("**", "  ", StringComparison.Ordinal).Replace("`", " ", StringComparison.Ordinal)
                    : PlainInline(line));
            }

            return string.Join("\n", output).Trim('\n') + "\n";
        }

        private static XElement LoadCommand(string commandName)
        {
            Assert.True(File.Exists(MamlPath), "module/en-US/MakemorePS.dll-Help.xml is missing: run ./build.ps1 -Task Help and commit it.");
            XElement? command = XDocument.Load(MamlPath).Root!.Elements(Command + "command")
                .FirstOrDefault(c => (string?)c.Element(Command + "details")?.Element(Command + "name") == commandName);
            Assert.True(command != null, $"The compiled help has no {commandName}: run ./build.ps1 -Task Help and commit module/en-US.");
            return command!;
        }

        /// <summary>The class and the base classes it inherits parameters from that are declared in the module's sources.</summary>
        private static IEnumerable<ClassDeclarationSyntax> WithModuleBaseClasses(ClassDeclarationSyntax cmdletClass, IReadOnlyList<ClassDeclarationSyntax> classes)
        {
            for (ClassDeclarationSyntax? current = cmdletClass; current != null;)
            {
                yield return current;
                string? baseName = current.BaseList?.Types.FirstOrDefault()?.Type.ToString();
                current = classes.FirstOrDefault(c => c.Identifier.Text == baseName);
            }
        }

        private static string? CommandNameOf(ClassDeclarationSyntax cmdletClass)
        {
            AttributeSyntax? attribute = cmdletClass.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.Name.ToString() is "Cmdlet" or "CmdletAttribute");
            if (attribute?.ArgumentList == null || attribute.ArgumentList.Arguments.Count < 2)
            {
                return null;
            }

            string verb = attribute.ArgumentList.Arguments[0].Expression.ToString();
            string noun = attribute.ArgumentList.Arguments[1].Expression.ToString().Trim('"');
            return verb.Substring(verb.LastIndexOf('.') + 1) + "-" + noun;
        }

        /// <summary>A numeric literal (without its f/L/d suffix) or an enum member name; null for anything else.</summary>
        private static string? LiteralDefault(ExpressionSyntax? value, bool isEnum)
        {
            switch (value)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                    return Convert.ToString(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture);
                case MemberAccessExpressionSyntax member when isEnum:
                    return member.Name.Identifier.Text;
                default:
                    return null;
            }
        }

        private static string Paragraphs(XElement? description) =>
            Normalize(string.Join(" ", description?.Elements(Maml + "para").Select(p => p.Value) ?? Enumerable.Empty<string>()));

        /// <summary>Markdown as the help compiler renders it: no fence lines, no ** or ` marks, links as their text; whitespace collapsed.</summary>
        private static string Plain(string markdown)
        {
            IEnumerable<string> lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Where(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal));
            return Normalize(PlainInline(string.Join("\n", lines)));
        }

        private static string PlainInline(string text) =>
            MarkdownLink.Replace(text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal), "$1");

        private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
    }
}
