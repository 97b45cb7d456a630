using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MakemorePS.Module.Tests
{
    /// <summary>Source conventions of the developers' guide: error IDs, PowerShell throws, and the core/PowerShell boundary.</summary>
    public class SourceConventionTests
    {
        private static readonly Regex PascalCase = new Regex("^[A-Z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant);

        // throw followed (perhaps after a parenthesis) by a string: 'text', "text", @"here-string" or @'here-string'.
        private static readonly Regex ThrowString = new Regex(@"\bthrow\s*\(?\s*@?[""'\u2018\u2019\u201C\u201D]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        [Fact]
        public void ErrorIdsPassedToErrorRecordArePascalCase()
        {
            IReadOnlyList<string> files = RepositoryLayout.FindFiles(RepositoryLayout.ModuleSourceDirectory, "*.cs");
            Assert.NotEmpty(files);
            var trees = files.Select(f => (File: f, Root: CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot())).ToList();

            // Error IDs kept in string constants (const string X = "Id") are followed through their names.
            var constants = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string _, SyntaxNode root) in trees)
            {
                foreach (VariableDeclaratorSyntax declarator in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
                {
                    if (declarator.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                        && declarator.Initializer?.Value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        constants[declarator.Identifier.Text] = literal.Token.ValueText;
                    }
                }
            }

            // Helpers that forward an error ID to new ErrorRecord(...) take it as a parameter named errorId: the
            // arguments of their calls are checked like the second argument of the constructor.
            var forwarders = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach ((string _, SyntaxNode root) in trees)
            {
                foreach (MethodDeclarationSyntax method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
                {
                    int index = method.ParameterList.Parameters.IndexOf(p => p.Identifier.Text == "errorId");
                    if (index >= 0)
                    {
                        forwarders[method.Identifier.Text] = index;
                    }
                }
            }

            var problems = new List<string>();
            int checkedIds = 0;
            foreach ((string file, SyntaxNode root) in trees)
            {
                var errorIds = new List<ExpressionSyntax>();
                foreach (BaseObjectCreationExpressionSyntax creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
                {
                    bool isErrorRecord = creation is ObjectCreationExpressionSyntax explicitType
                        ? explicitType.Type.ToString().EndsWith("ErrorRecord", StringComparison.Ordinal)
                        : creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } }
                            && declaration.Type.ToString().EndsWith("ErrorRecord", StringComparison.Ordinal);
                    if (isErrorRecord && creation.ArgumentList != null && creation.ArgumentList.Arguments.Count >= 2)
                    {
                        errorIds.Add(creation.ArgumentList.Arguments[1].Expression);
                    }
                }

                foreach (InvocationExpressionSyntax invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    string? called = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
                        IdentifierNameSyntax name => name.Identifier.Text,
                        _ => null,
                    };
                    if (called == null || !forwarders.TryGetValue(called, out int index))
                    {
                        continue;
                    }

                    SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
                    ArgumentSyntax? argument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == "errorId")
                        ?? (index < arguments.Count && arguments[index].NameColon == null ? arguments[index] : null);
                    if (argument != null)
                    {
                        errorIds.Add(argument.Expression);
                    }
                }

                foreach (ExpressionSyntax errorId in errorIds)
                {
                    string location = $"{RepositoryLayout.Relative(file)}:{errorId.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                    string? value = errorId switch
                    {
                        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                        IdentifierNameSyntax name when constants.ContainsKey(name.Identifier.Text) => constants[name.Identifier.Text],
                        MemberAccessExpressionSyntax member when constants.ContainsKey(member.Name.Identifier.Text) => constants[member.Name.Identifier.Text],
                        InterpolatedStringExpressionSyntax => "(interpolated)",
                        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => "(concatenated)",

                        // A forwarded parameter (checked at the call sites) or exception.ErrorId (CoreErrorIdsArePascalCase).
                        _ => null,
                    };
                    if (value == null)
                    {
                        continue;
                    }

                    checkedIds++;
                    if (!PascalCase.IsMatch(value))
                    {
                        problems.Add($"{location}: error ID '{value}' is not PascalCase without spaces");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
            Assert.True(checkedIds > 0, "No error ID passed to new ErrorRecord(...) could be read in src/MakemorePS.");
        }

        [Fact]
        public void ErrorIdConstantsArePascalCase()
        {
            var problems = new List<string>();
            foreach (string file in RepositoryLayout.FindFiles(RepositoryLayout.ModuleSourceDirectory, "*.cs"))
            {
                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (ClassDeclarationSyntax holder in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text.Contains("ErrorId", StringComparison.Ordinal)))
                {
                    foreach (VariableDeclaratorSyntax declarator in holder.DescendantNodes().OfType<VariableDeclaratorSyntax>())
                    {
                        if (declarator.Initializer?.Value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                            && !PascalCase.IsMatch(literal.Token.ValueText))
                        {
                            problems.Add($"{RepositoryLayout.Relative(file)}: {holder.Identifier.Text}.{declarator.Identifier.Text} = '{literal.Token.ValueText}' is not PascalCase without spaces");
                        }
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void AboutTopicListsExactlyTheErrorIdsOfTheCode()
        {
            var inCode = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string file in RepositoryLayout.FindFiles(RepositoryLayout.ModuleSourceDirectory, "*.cs"))
            {
                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (ClassDeclarationSyntax holder in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text.Contains("ErrorId", StringComparison.Ordinal)))
                {
                    foreach (VariableDeclaratorSyntax declarator in holder.DescendantNodes().OfType<VariableDeclaratorSyntax>())
                    {
                        if (declarator.Initializer?.Value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                        {
                            inCode.Add(literal.Token.ValueText);
                        }
                    }
                }
            }

            foreach (string file in RepositoryLayout.FindFiles(RepositoryLayout.CoreSourceDirectory, "*.cs"))
            {
                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (PropertyDeclarationSyntax property in root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Where(p => p.Identifier.Text == "ErrorId"))
                {
                    if (property.ExpressionBody?.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        inCode.Add(literal.Token.ValueText);
                    }
                }
            }

            // The table under "### Errors": | ErrorId | raised by | meaning |.
            string about = File.ReadAllText(Path.Combine(RepositoryLayout.DocsDirectory, "about_MakemorePS.md"));
            int start = about.IndexOf("### Errors", StringComparison.Ordinal);
            Assert.True(start >= 0, "about_MakemorePS.md has no '### Errors' section.");
            int end = about.IndexOf("\n#", start + 1, StringComparison.Ordinal);
            string errors = end < 0 ? about.Substring(start) : about.Substring(start, end - start);
            var documented = new SortedSet<string>(
                Regex.Matches(errors, @"(?m)^\|\s*([A-Z][A-Za-z0-9]*)\s*\|").Select(m => m.Groups[1].Value).Where(id => id != "Error"),
                StringComparer.Ordinal);

            Assert.NotEmpty(inCode);
            Assert.True(
                inCode.SetEquals(documented),
                $"Error IDs in the code but not in about_MakemorePS: [{string.Join(", ", inCode.Except(documented))}]; documented but not in the code: [{string.Join(", ", documented.Except(inCode))}].");
        }

        [Fact]
        public void CoreErrorIdsArePascalCase()
        {
            var problems = new List<string>();
            int found = 0;
            foreach (string file in RepositoryLayout.FindFiles(RepositoryLayout.CoreSourceDirectory, "*.cs"))
            {
                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (PropertyDeclarationSyntax property in root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Where(p => p.Identifier.Text == "ErrorId"))
                {
                    ExpressionSyntax? value = property.ExpressionBody?.Expression
                        ?? property.AccessorList?.Accessors.Select(a => a.ExpressionBody?.Expression
                            ?? a.Body?.Statements.OfType<ReturnStatementSyntax>().FirstOrDefault()?.Expression).FirstOrDefault(e => e != null);
                    if (value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        found++;
                        if (!PascalCase.IsMatch(literal.Token.ValueText))
                        {
                            problems.Add($"{RepositoryLayout.Relative(file)}: ErrorId '{literal.Token.ValueText}' is not PascalCase without spaces");
                        }
                    }
                }
            }

            Assert.True(found > 0, "No ErrorId => \"...\" property was found in src/MakemorePS.Core.");
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void NoPowerShellFileThrowsAPlainString()
        {
            var files = RepositoryLayout.FindFiles(RepositoryLayout.Root, "*.ps1").Concat(RepositoryLayout.FindFiles(RepositoryLayout.Root, "*.psm1")).ToList();
            var problems = new List<string>();
            foreach (string file in files)
            {
                string[] lines = File.ReadAllLines(file);
                bool inBlockComment = false;
                for (int i = 0; i < lines.Length; i++)
                {
                    string code = StripComments(lines[i], ref inBlockComment);
                    if (ThrowString.IsMatch(code))
                    {
                        problems.Add($"{RepositoryLayout.Relative(file)}:{i + 1}: throw with a plain string; throw an ErrorRecord with a PascalCase error ID instead");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void CoreAssemblyDoesNotReferencePowerShell()
        {
            Assert.DoesNotContain("System.Management.Automation", CmdletCatalog.CoreAssemblyReferences);
            Assert.DoesNotContain(CmdletCatalog.CoreAssemblyReferences, r => r.StartsWith("Microsoft.PowerShell", StringComparison.Ordinal));
            string project = File.ReadAllText(Path.Combine(RepositoryLayout.CoreSourceDirectory, "MakemorePS.Core.csproj"));
            Assert.DoesNotContain("PowerShellStandard", project, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("System.Management.Automation", project, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void CoreSourcesDoNotUsePowerShell()
        {
            string[] offenders = RepositoryLayout.FindFiles(RepositoryLayout.CoreSourceDirectory, "*.cs")
                .Where(f => File.ReadAllText(f).Contains("System.Management.Automation", StringComparison.Ordinal))
                .Select(RepositoryLayout.Relative).ToArray();
            Assert.True(offenders.Length == 0, "The core must not use PowerShell: " + string.Join(", ", offenders));
        }

        [Fact]
        public void ModuleFolderDoesNotShipPowerShellItself()
        {
            string output = RepositoryLayout.Relative(RepositoryLayout.ModuleLibDirectory);
            Assert.True(File.Exists(RepositoryLayout.CmdletAssemblyPath), $"Build first: {output}/MakemorePS.dll is missing.");
            foreach (string framework in Directory.GetDirectories(Path.GetDirectoryName(RepositoryLayout.ModuleLibDirectory)!))
            {
                Assert.False(File.Exists(Path.Combine(framework, "System.Management.Automation.dll")), $"{RepositoryLayout.Relative(framework)} ships System.Management.Automation.dll; the host provides it.");
            }

            Assert.True(File.Exists(Path.Combine(RepositoryLayout.ModuleLibDirectory, "MakemorePS.Core.dll")), $"{output} lacks MakemorePS.Core.dll.");
            Assert.True(File.Exists(Path.Combine(RepositoryLayout.ModuleLibDirectory, "System.Numerics.Tensors.dll")), $"{output} lacks System.Numerics.Tensors.dll, which is not part of the shared framework.");
        }

        /// <summary>The code part of a PowerShell line: without `# comments` and `&lt;# … #&gt;` blocks (strings are rare enough here).</summary>
        private static string StripComments(string line, ref bool inBlockComment)
        {
            var code = new System.Text.StringBuilder();
            int i = 0;
            while (i < line.Length)
            {
                if (inBlockComment)
                {
                    int close = line.IndexOf("#>", i, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        return code.ToString();
                    }

                    inBlockComment = false;
                    i = close + 2;
                }
                else if (line.AsSpan(i).StartsWith("<#", StringComparison.Ordinal))
                {
                    inBlockComment = true;
                    i += 2;
                }
                else if (line[i] == '#')
                {
                    return code.ToString();
                }
                else
                {
                    code.Append(line[i]);
                    i++;
                }
            }

            return code.ToString();
        }
    }
}
