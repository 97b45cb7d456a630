using System;
using System.IO;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Export-BigramModel: saves a model of any kind (count, neural bigram or MLP) as a versioned JSON file that
    /// Import-BigramModel reads back with the exact same probabilities. The file is replaced atomically, so a failed
    /// write leaves the old file intact; its permissions are kept, and a symbolic link is followed to its target.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BigramModel", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBigramModelCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private readonly OutputFile _files = new OutputFile();

        /// <summary>The model to save: any MakemorePS language model.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ILanguageModel? Model { get; set; }

        /// <summary>The file to write. A wildcard may be used if it matches exactly one existing file.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file to write, taken exactly as written (no wildcards).</summary>
        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>Replaces a read-only file (which stays read-only).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Refuses to overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Emits the written file as Get-Item does (a FileInfo with PSPath), ready for Import-BigramModel or Remove-Item.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            string? file = OutputFile.Prepare(this, literal ? LiteralPath : Path, literal, Force.IsPresent, NoClobber.IsPresent, $"Export model ({Model!.KindName})");
            if (file is null || !_files.Claim(this, file, "a model"))
            {
                return;
            }

            try
            {
                OutputFile.Write(file, target => ModelFile.Save(Model!, target));
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new IOException($"Cannot write the model to '{file}': {exception.Message} Check that the folder is writable.", exception),
                    ErrorIds.FileWriteFailed, ErrorCategory.WriteError, file));
            }

            WriteVerbose($"Saved the {Model!.KindName} model ({Model.Vocabulary.Count} symbols) to '{file}'.");
            if (PassThru.IsPresent)
            {
                WriteObject(ProviderPaths.GetItem(this, file));
            }
        }
    }
}
