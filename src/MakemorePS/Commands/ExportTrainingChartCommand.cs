using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Export-TrainingChart: draws the loss curve of trained models (their loss history) or of the per-step records of
    /// Invoke-BigramTraining -PassThru, one series per run, and writes it to an SVG file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "TrainingChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportTrainingChartCommand : ChartExportCommandBase
    {
        private readonly List<List<TrainingRecord>> _runs = new List<List<TrainingRecord>>();
        private List<TrainingRecord>? _recordRun;

        /// <summary>A trained model; its loss history is one run.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public BigramModel? Model { get; set; }

        /// <summary>Per-step training records; a step that does not follow the previous one starts a new run.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public TrainingRecord[]? TrainingRecord { get; set; }

        /// <summary>The names of the runs in the legend, in the order the runs arrive.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>Draws the loss on a logarithmic (base 10) axis.</summary>
        [Parameter]
        public SwitchParameter LogScale { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (Model is not null)
            {
                _recordRun = null;
                if (Model.LossHistory.Count == 0)
                {
                    WriteError(ErrorRecords.Create(
                        new PSArgumentException($"The {Model.Kind} model has no loss history, so it has no loss curve. Chart a model made by Invoke-BigramTraining."),
                        ErrorIds.NoChartData, ErrorCategory.InvalidArgument, Model));
                }
                else
                {
                    _runs.Add(new List<TrainingRecord>(Model.LossHistory));
                }
            }

            if (TrainingRecord is not null)
            {
                foreach (TrainingRecord record in TrainingRecord)
                {
                    if (_recordRun is null || record.Step <= _recordRun[_recordRun.Count - 1].Step)
                    {
                        _recordRun = new List<TrainingRecord>();
                        _runs.Add(_recordRun);
                    }

                    _recordRun.Add(record);
                }
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (_runs.Count == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException("There is nothing to draw. Pipe a trained model (Invoke-BigramTraining | Export-TrainingChart loss.svg) or training records (Invoke-BigramTraining -PassThru | Export-TrainingChart loss.svg)."),
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

            WriteVerbose($"Drawing {runs.Count} run(s){(LogScale.IsPresent ? " on a logarithmic loss axis" : string.Empty)}.");
            ExportChart(TrainingChart.Create(runs, Title, LogScale.IsPresent), "Export training chart", TrainingChart.DefaultWidth, TrainingChart.DefaultHeight);
        }
    }
}
