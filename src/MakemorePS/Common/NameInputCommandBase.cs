using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using MakemorePS.Core;

namespace MakemorePS.Common
{
    /// <summary>
    /// The name input shared by the cmdlets that learn from names: -Name and the pipeline, -Path, -LiteralPath, or,
    /// when none of them is used, the bundled dataset.
    /// </summary>
    /// <remarks>
    /// Derived cmdlets call <see cref="BeginNameInput"/>, <see cref="ProcessNameInput"/> and
    /// <see cref="CompleteNameInput"/> from their own BeginProcessing, ProcessRecord and EndProcessing.
    /// </remarks>
    public abstract class NameInputCommandBase : PSCmdlet, System.IDisposable
    {
        /// <summary>The parameter set of names given by -Name or the pipeline (the default set).</summary>
        protected const string NameSet = "Name";

        /// <summary>The parameter set of files given by -Path.</summary>
        protected const string PathSet = "Path";

        /// <summary>The parameter set of files given by -LiteralPath.</summary>
        protected const string LiteralPathSet = "LiteralPath";

        private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();
        private BigramCounter? _counter;
        private bool _receivedInput;
        private long _errorsWritten;

        /// <summary>
        /// Names to learn from: strings, or objects with a Name property (anything else is refused per object).
        /// Blank names are skipped.
        /// </summary>
        [Parameter(ParameterSetName = NameSet, ValueFromPipeline = true)]
        [NameInputTransformation]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[]? Name { get; set; }

        /// <summary>Files of names, one name per line. Wildcards and provider paths are accepted.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = System.Array.Empty<string>();

        /// <summary>Files of names, one name per line, taken exactly as written (no wildcards); binds the PSPath of piped files.</summary>
        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = System.Array.Empty<string>();

        /// <summary>Lower-cases every name (invariant culture) before it is counted.</summary>
        [Parameter]
        public SwitchParameter LowerCase { get; set; }

        /// <summary>Whether Ctrl+C (StopProcessing) asked the command to stop.</summary>
        private protected bool IsStopping => _stopping.IsCancellationRequested;

        /// <summary>Cancelled by Ctrl+C (StopProcessing): for the work of derived cmdlets, such as training.</summary>
        private protected System.Threading.CancellationToken StoppingToken => _stopping.Token;

        /// <inheritdoc/>
        public void Dispose() => _stopping.Dispose();

        /// <summary>Whether the distinct training names are kept (models keep them so samples can exclude them).</summary>
        private protected virtual bool CollectsTrainingNames => false;

        /// <summary>With <see cref="CollectsTrainingNames"/>: whether every name is kept in input order, duplicates included (training examples).</summary>
        private protected virtual bool KeepsDuplicateNames => false;

        /// <summary>Starts collecting names.</summary>
        private protected void BeginNameInput()
        {
            _counter = new BigramCounter(new CountingOptions
            {
                LowerCase = LowerCase.IsPresent,
                CollectNames = CollectsTrainingNames,
                KeepDuplicateNames = KeepsDuplicateNames,
                Rejected = WriteRejection,
                CancellationToken = _stopping.Token,
            });
            _receivedInput = false;
            _errorsWritten = 0;
        }

        /// <summary>Whether any name input (names, blanks, files) has been received so far.</summary>
        private protected bool ReceivedNameInput => _receivedInput;

        /// <summary>Counts the names or files bound for the current pipeline object.</summary>
        private protected void ProcessNameInput()
        {
            BigramCounter counter = _counter!;
            switch (ParameterSetName)
            {
                case PathSet:
                case LiteralPathSet:
                    bool literal = ParameterSetName == LiteralPathSet;
                    foreach (string path in literal ? LiteralPath : Path)
                    {
                        _receivedInput = true;
                        IReadOnlyList<string> files = ProviderPaths.ResolveInputFiles(this, path, literal);
                        if (files.Count == 0)
                        {
                            _errorsWritten++;
                        }

                        foreach (string file in files)
                        {
                            CountFile(counter, file);
                        }
                    }

                    break;

                default:
                    if (Name is null)
                    {
                        // $null from the pipeline is a blank entry, counted like a blank line; -Name $null (an empty
                        // variable) is input too, and never falls back to the bundled names.
                        if (MyInvocation.ExpectingInput || MyInvocation.BoundParameters.ContainsKey(nameof(Name)))
                        {
                            _receivedInput = true;
                            counter.Add(null);
                        }

                        break;
                    }

                    _receivedInput = true;
                    foreach (string? raw in Name)
                    {
                        try
                        {
                            counter.Add(raw);
                        }
                        catch (InvalidNameException exception)
                        {
                            WriteCountedError(ErrorRecords.FromCore(exception, ErrorCategory.InvalidData, raw));
                        }
                    }

                    break;
            }
        }

        /// <summary>
        /// Finishes collecting: the counts of every name received, or of the bundled dataset when no input was given.
        /// Terminates with NoInputNames when input was given but held no usable name.
        /// </summary>
        /// <param name="trainingNames">The distinct names (every name with <see cref="KeepsDuplicateNames"/>), when <see cref="CollectsTrainingNames"/>; otherwise null.</param>
        private protected BigramCounts CompleteNameInput(out IReadOnlyList<string>? trainingNames)
        {
            BigramCounter counter = _counter!;
            if (!_receivedInput)
            {
                if (MyInvocation.ExpectingInput)
                {
                    ThrowTerminatingError(ErrorRecords.Create(
                        new PSArgumentException($"{MyInvocation.MyCommand.Name} received pipeline input but no names. Check the command before the pipe: it produced nothing, or nothing that is a name (each such object is reported above). To use the bundled names, run the command without pipeline input."),
                        ErrorIds.NoInputNames, ErrorCategory.InvalidData, null));
                }

                WriteVerbose($"No names, -Path or pipeline input were given: using the {BundledNames.Names.Count} bundled names (SSA baby names, 2018).");
                if (!LowerCase.IsPresent)
                {
                    trainingNames = CollectsTrainingNames ? BundledNames.Names : null;
                    return BundledNames.Counts;
                }

                counter.AddNames(BundledNames.Names, "bundled names");
            }

            if (counter.BlankLineCount > 0)
            {
                WriteWarning(Messages.SkippedBlank(counter.BlankLineCount));
            }

            if (counter.NameCount == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException(Messages.NoUsableNames(_errorsWritten, counter.BlankLineCount)),
                    ErrorIds.NoInputNames, ErrorCategory.InvalidData, null));
            }

            trainingNames = CollectsTrainingNames ? counter.Names : null;
            return counter.ToCounts();
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Reports a line of a file that cannot be a name; the counter has skipped it and goes on.</summary>
        private void WriteRejection(NameRejection rejection) => WriteCountedError(ErrorRecords.Create(
            new InvalidDataException($"{rejection.Source ?? "input"}, line {rejection.LineNumber}: {rejection.Message}", rejection.Error),
            rejection.Error.ErrorId, ErrorCategory.InvalidData, rejection.Text));

        private void CountFile(BigramCounter counter, string file)
        {
            WriteVerbose($"Counting the names in '{file}'.");
            try
            {
                counter.AddFile(file);
            }
            catch (System.OperationCanceledException)
            {
                // Ctrl+C while a file was being read: stop at once, like any stopped pipeline.
                throw new PipelineStoppedException();
            }
            catch (IOException exception)
            {
                WriteCountedError(ErrorRecords.Create(
                    new IOException($"Cannot read '{file}': {exception.Message}", exception),
                    ErrorIds.FileReadFailed, ErrorCategory.ReadError, file));
            }
            catch (System.UnauthorizedAccessException exception)
            {
                WriteCountedError(ErrorRecords.Create(
                    new IOException($"Cannot read '{file}': {exception.Message}", exception),
                    ErrorIds.FileReadFailed, ErrorCategory.PermissionDenied, file));
            }
        }

        private void WriteCountedError(ErrorRecord record)
        {
            _errorsWritten++;
            WriteError(record);
        }
    }
}
