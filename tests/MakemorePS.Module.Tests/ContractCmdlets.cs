using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MakemorePS.Module.Tests
{
    /// <summary>The cmdlet surface the team contract promises; the docs and the module must both match it.</summary>
    internal static class ContractCmdlets
    {
        public static readonly IReadOnlyList<string> Names = new[]
        {
            "Compare-BigramModel",
            "Export-BigramHeatmap",
            "Export-BigramModel",
            "Export-DiagnosticChart",
            "Export-TrainingChart",
            "Get-BigramCounts",
            "Get-BigramProbability",
            "Get-BigramSample",
            "Get-BundledName",
            "Get-NameSample",
            "Import-BigramModel",
            "Invoke-BigramTraining",
            "Invoke-MlpTraining",
            "Measure-NameLikelihood",
            "New-BigramModel",
            "Split-NameSet",
        };

        public static TheoryData<string> Data()
        {
            var data = new TheoryData<string>();
            foreach (string name in Names)
            {
                data.Add(name);
            }

            return data;
        }

        /// <summary>The cmdlet class for a command name, failing with a clear message when the build has none.</summary>
        public static CmdletClass Find(string commandName)
        {
            CmdletClass? cmdlet = CmdletCatalog.Cmdlets.FirstOrDefault(c => c.CommandName == commandName);
            Assert.True(cmdlet != null, $"The built MakemorePS.dll has no cmdlet {commandName}; it has: {string.Join(", ", CmdletCatalog.Cmdlets.Select(c => c.CommandName))}.");
            return cmdlet!;
        }
    }
}
