using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Measure-NameLikelihood: how likely a model finds each name (log-likelihood, mean negative log-likelihood,
    /// perplexity), per name, per position with -Detailed, or over the whole input with -Summary (the lecture's loss).
    /// Any language model scores: bigram models per bigram, the MLP with its context of several characters.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "NameLikelihood", DefaultParameterSetName = PerNameSet)]
    [OutputType(typeof(NameScore))]
    [OutputType(typeof(DatasetScore))]
    [OutputType(typeof(BigramScore))]
    [OutputType(typeof(ContextScore))]
    public sealed class MeasureNameLikelihoodCommand : PSCmdlet
    {
        private const string PerNameSet = "PerName";
        private const string SummarySet = "Summary";
        private const string DetailedSet = "Detailed";

        private INameScorer? _scorer;
        private DatasetScoreAccumulator? _summary;
        private bool _receivedInput;
        private long _blankCount;
        private long _errorsWritten;

        /// <summary>The model that scores the names: any MakemorePS language model.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public ILanguageModel? Model { get; set; }

        /// <summary>
        /// Names to score: strings, or objects with a Name property (anything else is refused per object).
        /// Blank names are skipped.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [NameInputTransformation(ReadsFiles = false)]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[]? Name { get; set; }

        /// <summary>Emits one DatasetScore for the whole input instead of one record per name.</summary>
        [Parameter(ParameterSetName = SummarySet, Mandatory = true)]
        public SwitchParameter Summary { get; set; }

        /// <summary>Emits one record per position of every name instead of one record per name: a BigramScore for a bigram model, a ContextScore for a model with a longer context.</summary>
        [Parameter(ParameterSetName = DetailedSet, Mandatory = true)]
        public SwitchParameter Detailed { get; set; }

        /// <summary>Lower-cases every name (invariant culture) before it is scored.</summary>
        [Parameter]
        public SwitchParameter LowerCase { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            _scorer = NameScoring.CreateScorer(Model!);
            _summary = Summary.IsPresent ? new DatasetScoreAccumulator() : null;
            _receivedInput = false;
            _errorsWritten = 0;
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (Name is null)
            {
                // -Name $null (an empty variable) is input too: it never falls back to the bundled names.
                if (MyInvocation.ExpectingInput || MyInvocation.BoundParameters.ContainsKey(nameof(Name)))
                {
                    _receivedInput = true;
                    _blankCount++;
                }

                return;
            }

            _receivedInput = true;
            foreach (string? raw in Name)
            {
                ScoreOne(raw);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (!_receivedInput)
            {
                if (MyInvocation.ExpectingInput)
                {
                    ThrowTerminatingError(ErrorRecords.Create(
                        new PSArgumentException("Measure-NameLikelihood received pipeline input but no names. Check the command before the pipe: it produced nothing, or nothing that is a name (each such object is reported above). To score the bundled names, run the command without pipeline input."),
                        ErrorIds.NoInputNames, ErrorCategory.InvalidData, null));
                }

                WriteVerbose($"No names or pipeline input were given: scoring the {BundledNames.Names.Count} bundled names (SSA baby names, 2018).");
                foreach (string name in BundledNames.Names)
                {
                    ScoreOne(name);
                }
            }

            if (_blankCount > 0)
            {
                WriteWarning(Messages.SkippedBlank(_blankCount));
            }

            if (_summary is not null)
            {
                if (_summary.NameCount == 0)
                {
                    ThrowTerminatingError(ErrorRecords.Create(
                        new PSArgumentException(Messages.NoScoredNames(_errorsWritten, _blankCount)),
                        ErrorIds.NoInputNames, ErrorCategory.InvalidData, null));
                }

                WriteObject(_summary.ToScore());
            }
        }

        private void ScoreOne(string? raw)
        {
            string? name;
            try
            {
                if (!NameNormalizer.TryNormalize(raw, LowerCase.IsPresent, out name))
                {
                    _blankCount++;
                    return;
                }
            }
            catch (InvalidNameException exception)
            {
                _errorsWritten++;
                WriteError(ErrorRecords.FromCore(exception, ErrorCategory.InvalidData, raw));
                return;
            }

            NameScore score;
            try
            {
                score = _scorer!.Score(name!, Detailed.IsPresent);
            }
            catch (UnknownCharacterException exception)
            {
                _errorsWritten++;
                WriteError(ErrorRecords.FromCore(exception, ErrorCategory.InvalidData, raw));
                return;
            }

            if (_summary is not null)
            {
                _summary.Add(score);
            }
            else if (Detailed.IsPresent)
            {
                foreach (IPositionScore position in score.GetPositions())
                {
                    WriteObject(position);
                }
            }
            else
            {
                WriteObject(score);
            }
        }
    }
}
