using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MakemorePS.Module.Tests
{
    /// <summary>The shape of the cmdlet classes: names, visibility, base class, output types and one file each.</summary>
    public class CmdletConventionTests
    {
        [Fact]
        public void AssemblyHasExactlyTheContractCmdlets()
        {
            var actual = CmdletCatalog.Cmdlets.Select(c => c.CommandName!).ToHashSet(StringComparer.Ordinal);
            string[] missing = ContractCmdlets.Names.Where(n => !actual.Contains(n)).ToArray();
            string[] extra = actual.Where(n => !ContractCmdlets.Names.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.True(
                missing.Length == 0 && extra.Length == 0,
                $"Cmdlets missing from the assembly: [{string.Join(", ", missing)}]; not in the contract: [{string.Join(", ", extra)}].");
        }

        [Fact]
        public void EveryCmdletClassIsPublicSealedAndNamedVerbNounCommand()
        {
            Assert.NotEmpty(CmdletCatalog.Classes);
            var problems = new List<string>();
            foreach (CmdletClass cmdlet in CmdletCatalog.Classes)
            {
                if (cmdlet.CommandName == null)
                {
                    problems.Add($"{cmdlet.ClassName} derives from Cmdlet but has no [Cmdlet] attribute");
                    continue;
                }

                if (!cmdlet.IsPublic)
                {
                    problems.Add($"{cmdlet.ClassName} is not public");
                }

                if (!cmdlet.IsSealed)
                {
                    problems.Add($"{cmdlet.ClassName} is not sealed");
                }

                string expectedName = cmdlet.Verb + cmdlet.Noun + "Command";
                if (cmdlet.ClassName != expectedName)
                {
                    problems.Add($"{cmdlet.CommandName} is implemented by {cmdlet.ClassName}; the class should be named {expectedName}");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void EveryCmdletDerivesFromPSCmdlet()
        {
            Assert.NotEmpty(CmdletCatalog.Cmdlets);
            string[] offenders = CmdletCatalog.Cmdlets.Where(c => !c.DerivesFromPSCmdlet).Select(c => c.ClassName).ToArray();
            Assert.True(offenders.Length == 0, "Not derived from PSCmdlet: " + string.Join(", ", offenders));
        }

        [Fact]
        public void EveryCmdletDeclaresItsOutputType()
        {
            Assert.NotEmpty(CmdletCatalog.Cmdlets);
            string[] offenders = CmdletCatalog.Cmdlets.Where(c => c.OutputTypeNames.Count == 0).Select(c => c.ClassName).ToArray();
            Assert.True(offenders.Length == 0, "No [OutputType] attribute: " + string.Join(", ", offenders));
        }

        [Fact]
        public void EveryCmdletUsesAnApprovedVerb()
        {
            IReadOnlySet<string> approved = CmdletCatalog.ReadApprovedVerbs();
            Assert.Contains("Get", approved);
            string[] offenders = CmdletCatalog.Cmdlets.Where(c => !approved.Contains(c.Verb!)).Select(c => c.CommandName!).ToArray();
            Assert.True(offenders.Length == 0, "Verbs that are not approved (see Get-Verb): " + string.Join(", ", offenders));
        }

        [Fact]
        public void ParameterNamesArePascalCaseAndUniquePerCmdlet()
        {
            var problems = new List<string>();
            foreach (CmdletClass cmdlet in CmdletCatalog.Cmdlets)
            {
                foreach (CmdletParameter parameter in cmdlet.Parameters)
                {
                    if (!char.IsUpper(parameter.Name[0]) || parameter.Name.Contains('_'))
                    {
                        problems.Add($"{cmdlet.CommandName} -{parameter.Name} is not PascalCase");
                    }
                }

                foreach (IGrouping<string, string> clash in cmdlet.Parameters.SelectMany(p => p.Aliases.Prepend(p.Name))
                    .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                {
                    problems.Add($"{cmdlet.CommandName}: the name or alias '{clash.Key}' is used more than once");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void EveryCmdletClassLivesAloneInAFileNamedAfterIt()
        {
            IReadOnlyList<string> files = RepositoryLayout.FindFiles(RepositoryLayout.ModuleSourceDirectory, "*.cs");
            Assert.NotEmpty(files);
            var declaredIn = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (string file in files)
            {
                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                List<ClassDeclarationSyntax> cmdletClasses = root.DescendantNodes().OfType<ClassDeclarationSyntax>()
                    .Where(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => IsCmdletAttribute(a.Name.ToString())))
                    .ToList();
                if (cmdletClasses.Count > 1)
                {
                    problems.Add($"{RepositoryLayout.Relative(file)} declares {cmdletClasses.Count} cmdlets: {string.Join(", ", cmdletClasses.Select(c => c.Identifier.Text))}");
                }

                foreach (ClassDeclarationSyntax declaration in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
                {
                    string name = declaration.Identifier.Text;
                    if (!declaredIn.TryGetValue(name, out List<string>? places))
                    {
                        declaredIn[name] = places = new List<string>();
                    }

                    places.Add(file);
                }
            }

            Assert.NotEmpty(CmdletCatalog.Cmdlets);
            foreach (CmdletClass cmdlet in CmdletCatalog.Cmdlets)
            {
                if (!declaredIn.TryGetValue(cmdlet.ClassName, out List<string>? places))
                {
                    problems.Add($"{cmdlet.ClassName} is in the assembly but declared in no file under src/MakemorePS");
                }
                else if (places.Count != 1)
                {
                    problems.Add($"{cmdlet.ClassName} is declared in {places.Count} files: {string.Join(", ", places.Select(RepositoryLayout.Relative))}");
                }
                else if (Path.GetFileNameWithoutExtension(places[0]) != cmdlet.ClassName)
                {
                    problems.Add($"{cmdlet.ClassName} is declared in {RepositoryLayout.Relative(places[0])}; the file should be named {cmdlet.ClassName}.cs");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        private static bool IsCmdletAttribute(string name) =>
            name is "Cmdlet" or "CmdletAttribute" || name.EndsWith(".Cmdlet", StringComparison.Ordinal) || name.EndsWith(".CmdletAttribute", StringComparison.Ordinal);
    }
}
