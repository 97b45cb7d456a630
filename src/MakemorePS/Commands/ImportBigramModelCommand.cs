using System;
using System.IO;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Import-BigramModel: reads models of every kind saved by Export-BigramModel (or by -CheckpointPath during
    /// training): count and neural bigram models, and MLPs.
    /// </summary>
    [Cmdlet(VerbsData.Import, "BigramModel", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(BigramModel))]
    [OutputType(typeof(MlpModel))]
    public sealed class ImportBigramModelCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>Model files to read. Wildcards are accepted.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Model files to read, taken exactly as written (no wildcards); binds the PSPath of piped files.</summary>
        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (string path in literal ? LiteralPath : Path)
            {
                foreach (string file in ProviderPaths.ResolveInputFiles(this, path, literal))
                {
                    Load(file);
                }
            }
        }

        private void Load(string file)
        {
            ILanguageModel model;
            try
            {
                model = ModelFile.Load(file);
            }
            catch (ModelFormatException exception)
            {
                // The core's message names the file and says what is wrong with it.
                WriteError(ErrorRecords.FromCore(exception, ErrorCategory.InvalidData, file));
                return;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.Create(
                    new IOException($"Cannot read '{file}': {exception.Message}", exception),
                    ErrorIds.FileReadFailed, ErrorCategory.ReadError, file));
                return;
            }

            WriteVerbose($"Loaded a {model.KindName} model ({model.Vocabulary.Count} symbols) from '{file}'.");
            WriteObject(model);
        }
    }
}
