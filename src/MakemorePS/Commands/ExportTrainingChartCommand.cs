using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Export-TrainingChart: draws the loss curve of trained models (their loss history) or of per-step training records,
    /// one series per run, and writes it to an SVG file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "TrainingChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportTrainingChartCommand : ChartExportCommandBase
    {
        private readonly List<List<TrainingPoint>> _runs = new List<List<TrainingPoint>>();
        private List<TrainingPoint>? _recordRun;

        /// <summary>
        /// Trained models (whose LossHistory is one run each) and training records (objects with Step and Loss, such as
        /// Invoke-BigramTraining -AsTrainingRecord emits, or rows of Import-Csv).
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject[]? InputObject { get; set; }

        /// <summary>The names of the runs in the legend, in the order the runs arrive.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>Draws the loss on a logarithmic (base 10) axis.</summary>
        [Parameter]
        public SwitchParameter LogScale { get; set; }

        /// <summary>
        /// Draws the mean training loss over blocks of this many steps, as the lecture's view(-1, 1000).mean(1); 1 draws
        /// every step. By default long noisy runs are averaged and the others drawn step by step.
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Average { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            foreach (PSObject item in InputObject ?? System.Array.Empty<PSObject>())
            {
                if (item?.Properties["LossHistory"] is PSPropertyInfo history)
                {
                    AddModelRun(item, history.Value as IEnumerable);
                }
                else if (TryReadPoint(item, out TrainingPoint point))
                {
                    AddRecord(point);
                }
                else
                {
                    WriteError(ErrorRecords.Create(
                        new PSArgumentException($"'{item}' is neither a trained model (with a LossHistory) nor a training record (with a Step and a Loss), so it was not drawn."),
                        ErrorIds.InvalidChartInput, ErrorCategory.InvalidArgument, item));
                }
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (_runs.Count == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException("There is nothing to draw. Pipe a trained model (Invoke-BigramTraining | Export-TrainingChart loss.svg) or training records (Invoke-BigramTraining -AsTrainingRecord | Export-TrainingChart loss.svg)."),
                    ErrorIds.NoChartData, ErrorCategory.InvalidArgument, null));
            }

            string[] labels = Label ?? System.Array.Empty<string>();
            if (labels.Length > _runs.Count)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"{labels.Length} labels were given for {_runs.Count} run(s). Give one label per run, in the order the runs arrive."),
                    ErrorIds.InvalidChartInput, ErrorCategory.InvalidArgument, labels));
            }

            var runs = new List<TrainingRun>(_runs.Count);
            for (int i = 0; i < _runs.Count; i++)
            {
                string label = i < labels.Length ? labels[i] : _runs.Count == 1 ? string.Empty : string.Format(CultureInfo.InvariantCulture, "run {0}", i + 1);
                runs.Add(new TrainingRun(label, _runs[i]));
            }

            int? blockSize = MyInvocation.BoundParameters.ContainsKey(nameof(Average)) ? Average : null;
            WriteVerbose($"Drawing {runs.Count} run(s){(LogScale.IsPresent ? " on a logarithmic loss axis" : string.Empty)}{AveragingDescription(runs, blockSize)}.");
            ExportChart(TrainingChart.Create(runs, Title, LogScale.IsPresent, blockSize), "Export training chart", TrainingChart.DefaultWidth, TrainingChart.DefaultHeight);
        }

        private static string AveragingDescription(IReadOnlyList<TrainingRun> runs, int? blockSize)
        {
            if (blockSize.HasValue)
            {
                return blockSize.Value == 1 ? ", every step" : string.Format(CultureInfo.InvariantCulture, ", the loss averaged over blocks of {0:N0} steps", blockSize.Value);
            }

            int automatic = LossAverage.AutomaticBlockSize(runs);
            return automatic == 1 ? ", every step" : string.Format(CultureInfo.InvariantCulture, ", the loss of the long noisy runs averaged over blocks of {0:N0} steps (-Average 1 draws every step)", automatic);
        }

        private void AddModelRun(PSObject model, IEnumerable? history)
        {
            _recordRun = null;
            var run = new List<TrainingPoint>();
            foreach (object? record in history ?? System.Array.Empty<object>())
            {
                if (TryReadPoint(record is null ? null : PSObject.AsPSObject(record), out TrainingPoint point))
                {
                    run.Add(point);
                }
            }

            if (run.Count == 0)
            {
                WriteError(ErrorRecords.Create(
                    new PSArgumentException($"The model '{model}' has no loss history, so it has no loss curve. Chart a model made by training, such as Invoke-BigramTraining's."),
                    ErrorIds.NoChartData, ErrorCategory.InvalidArgument, model));
                return;
            }

            _runs.Add(run);
        }

        // Consecutive records whose steps increase are one run; a step that does not follow the previous one starts another.
        private void AddRecord(TrainingPoint point)
        {
            if (_recordRun is null || point.Step <= _recordRun[_recordRun.Count - 1].Step)
            {
                _recordRun = new List<TrainingPoint>();
                _runs.Add(_recordRun);
            }

            _recordRun.Add(point);
        }

        private static bool TryReadPoint(PSObject? item, out TrainingPoint point)
        {
            switch (item?.BaseObject)
            {
                case TrainingRecord record:
                    point = TrainingPoint.From(record);
                    return true;
                case MlpTrainingRecord record:
                    point = TrainingPoint.From(record);
                    return true;
            }

            point = default;
            if (item is null
                || !RecordProperties.TryReadStep(item, "Step", out int step)
                || !RecordProperties.TryReadNumber(item, "Loss", out double? loss) || loss is null
                || !RecordProperties.TryReadNumber(item, "NegativeLogLikelihood", out double? nll)
                || !RecordProperties.TryReadNumber(item, "Regularization", out double? regularization)
                || !RecordProperties.TryReadNumber(item, "DevLoss", out double? devLoss))
            {
                return false;
            }

            point = new TrainingPoint(step, loss.Value, nll, regularization, devLoss);
            return true;
        }
    }
}
