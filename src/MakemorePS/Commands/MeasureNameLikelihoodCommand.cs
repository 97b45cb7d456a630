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
    [Cmdlet(VerbsDiagnostic.Measure, "NameLikelihood")]
    [OutputType(typeof(NameScore))]
    [OutputType(typeof(DatasetScore))]
    [OutputType(typeof(BigramScore))]
    [OutputType(typeof(ContextScore))]
    public sealed class MeasureNameLikelihoodCommand : PSCmdlet
    {
        private INameScorer? _scorer;
        private DatasetScoreAccumulator? _summary;
        private bool _receivedInput;
        private long _blankCount;

        /// <summary>The model that scores the names: any MakemorePS language model.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public ILanguageModel? Model { get; set; }

        /// <summary>Names to score: strings from the pipeline, or objects with a Name property. Blank names are skipped.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string?[]? Name { get; set; }

        /// <summary>Emits one DatasetScore for the whole input instead of one record per name.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Emits one record per position of every name instead of one record per name: a BigramScore for a bigram model, a ContextScore for a model with a longer context.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        /// <summary>Lower-cases every name (invariant culture) before it is scored.</summary>
        [Parameter]
        public SwitchParameter LowerCase { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (Summary.IsPresent && Detailed.IsPresent)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException("-Summary and -Detailed cannot be used together: -Summary emits one record for all names, -Detailed one per bigram. Use one of them."),
                    ErrorIds.ConflictingParameters, ErrorCategory.InvalidArgument, null));
            }

            _scorer = NameScoring.CreateScorer(Model!);
            _summary = Summary.IsPresent ? new DatasetScoreAccumulator() : null;
            _receivedInput = false;
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (Name is null)
            {
                if (MyInvocation.ExpectingInput)
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
                        new PSArgumentException("Measure-NameLikelihood received pipeline input but no names. Check the command before the pipe: it produced nothing. To score the bundled names, run the command without pipeline input."),
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
                WriteWarning($"Skipped {_blankCount} blank lines.");
            }

            if (_summary is not null)
            {
                if (_summary.NameCount == 0)
                {
                    ThrowTerminatingError(ErrorRecords.Create(
                        new PSArgumentException("No names could be scored: the input was blank or every name was invalid (see the errors above), so there is nothing to summarize. Give at least one name made of the model's characters."),
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
