using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Export-DiagnosticChart: draws makemore part 3's training diagnostics of an MLP run (Invoke-MlpTraining
    /// -Diagnostics) and writes them to an SVG file: the update-to-data ratio of every parameter with the lecture's guide
    /// at −3, or the std of every layer's activations with the tanh saturation.
    /// </summary>
    [Cmdlet(VerbsData.Export, "DiagnosticChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportDiagnosticChartCommand : ChartExportCommandBase
    {
        private readonly List<UpdateRatioPoint> _ratios = new List<UpdateRatioPoint>();
        private readonly List<ActivationPoint> _activations = new List<ActivationPoint>();
        private readonly HashSet<(string Name, int Step)> _drawn = new HashSet<(string Name, int Step)>();
        private DiagnosticChartKind? _kind;
        private bool _kindGiven;

        /// <summary>
        /// What to draw: gradient or activation statistics (the records of $m.GradientStatistics and
        /// $m.ActivationStatistics, or rows of Import-Csv), a model trained with -Diagnostics, or the records of
        /// Invoke-MlpTraining -Diagnostics -AsTrainingRecord.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject[]? InputObject { get; set; }

        /// <summary>
        /// The chart: UpdateToDataRatio or Activation. Without it the first input decides: activation statistics draw the
        /// activation chart; gradient statistics, models and training records draw the update-to-data ratio.
        /// </summary>
        [Parameter]
        public DiagnosticChartKind Kind { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Kind)))
            {
                _kind = Kind;
                _kindGiven = true;
            }
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            foreach (PSObject item in InputObject ?? System.Array.Empty<PSObject>())
            {
                Add(item);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (_ratios.Count == 0 && _activations.Count == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException("There is nothing to draw. Train with -Diagnostics and pipe the model or its statistics: $m = Invoke-MlpTraining -Diagnostics; $m | Export-DiagnosticChart ratio.svg; $m.ActivationStatistics | Export-DiagnosticChart activations.svg."),
                    ErrorIds.NoChartData, ErrorCategory.InvalidArgument, null));
            }

            if (_kind == DiagnosticChartKind.Activation)
            {
                WriteVerbose($"Drawing the activations of {_activations.Select(p => p.Layer).Distinct().Count()} layer(s) over {_activations.Select(p => p.Step).Distinct().Count()} step(s).");
                ExportChart(ActivationChart.Create(_activations, Title), "Export activation chart", ActivationChart.DefaultWidth, ActivationChart.DefaultHeight);
            }
            else
            {
                WriteVerbose($"Drawing the update-to-data ratio of {_ratios.Select(p => p.Parameter).Distinct().Count()} parameter(s) over {_ratios.Select(p => p.Step).Distinct().Count()} step(s).");
                ExportChart(UpdateRatioChart.Create(_ratios, Title), "Export update-to-data ratio chart", UpdateRatioChart.DefaultWidth, UpdateRatioChart.DefaultHeight);
            }
        }

        private void Add(PSObject item)
        {
            switch (item.BaseObject)
            {
                case MlpGradientStatistics record:
                    AddRatios(item, new[] { UpdateRatioPoint.From(record) });
                    return;
                case MlpActivationStatistics record:
                    AddActivations(item, new[] { ActivationPoint.From(record) });
                    return;
                case MlpTrainingRecord record:
                    // Only every -DiagnosticsInterval-th step carries diagnostics; the others have nothing to draw.
                    AddCarried(item, record.GetGradientStatistics(), record.GetActivationStatistics(), reportEmpty: false);
                    return;
                case MlpModel model when !MeasuredNoDiagnostics(model):
                    AddCarried(item, model.GradientStatistics, model.ActivationStatistics, reportEmpty: true);
                    return;
                case ILanguageModel:
                    WriteError(ErrorRecords.Create(
                        new PSArgumentException($"The model '{item}' carries no diagnostics, so it was not drawn. Train it with Invoke-MlpTraining -Diagnostics and pipe the model that command returns."),
                        ErrorIds.NoChartData, ErrorCategory.InvalidArgument, item));
                    return;
            }

            if (item.Properties["Parameter"] is not null)
            {
                if (TryReadRatio(item, out UpdateRatioPoint point))
                {
                    AddRatios(item, new[] { point });
                }
                else
                {
                    ReportUnreadable(item, "a gradient statistics record needs a Step (a whole number), a Parameter and an UpdateToDataRatioLog10 (a number, or empty)");
                }
            }
            else if (item.Properties["Layer"] is not null)
            {
                if (TryReadActivation(item, out ActivationPoint point))
                {
                    AddActivations(item, new[] { point });
                }
                else
                {
                    ReportUnreadable(item, "an activation statistics record needs a Step (a whole number), a Layer, a Std (a number) and, for tanh, a SaturatedFraction");
                }
            }
            else
            {
                ReportUnreadable(item, "it is neither a model trained with -Diagnostics nor a gradient or activation statistics record");
            }
        }

        // An MLP trained without -Diagnostics: its statistics are empty, and it never asked for any.
        private static bool MeasuredNoDiagnostics(MlpModel model) =>
            model.TrainingSettings.DiagnosticsInterval == 0 && model.GradientStatistics.Count == 0 && model.ActivationStatistics.Count == 0;

        // A model or a training record carries both kinds; the chart takes the one it draws.
        private void AddCarried(PSObject item, IEnumerable<MlpGradientStatistics> gradients, IEnumerable<MlpActivationStatistics> activations, bool reportEmpty)
        {
            _kind ??= DiagnosticChartKind.UpdateToDataRatio;
            bool empty;
            if (_kind == DiagnosticChartKind.Activation)
            {
                ActivationPoint[] points = activations.Select(ActivationPoint.From).ToArray();
                empty = points.Length == 0;
                if (!empty)
                {
                    AddActivations(item, points);
                }
            }
            else
            {
                UpdateRatioPoint[] points = gradients.Select(UpdateRatioPoint.From).ToArray();
                empty = points.Length == 0;
                if (!empty)
                {
                    AddRatios(item, points);
                }
            }

            if (empty && reportEmpty)
            {
                WriteError(ErrorRecords.Create(
                    new PSArgumentException($"The model '{item}' carries no {(_kind == DiagnosticChartKind.Activation ? "activation" : "gradient")} statistics, so it was not drawn. Diagnostics are measured every -DiagnosticsInterval steps: give Invoke-MlpTraining a -DiagnosticsInterval no larger than -Steps."),
                    ErrorIds.NoChartData, ErrorCategory.InvalidArgument, item));
            }
        }

        private void AddRatios(PSObject item, IReadOnlyList<UpdateRatioPoint> points)
        {
            if (Accepts(item, DiagnosticChartKind.UpdateToDataRatio, points.Select(p => (p.Parameter, p.Step))))
            {
                _ratios.AddRange(points);
            }
        }

        private void AddActivations(PSObject item, IReadOnlyList<ActivationPoint> points)
        {
            if (Accepts(item, DiagnosticChartKind.Activation, points.Select(p => (p.Layer, p.Step))))
            {
                _activations.AddRange(points);
            }
        }

        // The first input decides the chart unless -Kind did; one run per chart, so a parameter or layer has one point per step.
        private bool Accepts(PSObject item, DiagnosticChartKind kind, IEnumerable<(string Name, int Step)> keys)
        {
            _kind ??= kind;
            if (kind != _kind)
            {
                string other = kind == DiagnosticChartKind.Activation ? "an activation statistics record" : "a gradient statistics record";
                WriteError(ErrorRecords.Create(
                    new PSArgumentException($"'{item}' is {other}, but this chart draws the {(_kind == DiagnosticChartKind.Activation ? "activations" : "update-to-data ratio")} ({(_kindGiven ? "as -Kind asks" : "the first input decided")}), so it was not drawn. Draw it in a chart of its own: ... | Export-DiagnosticChart -Kind {kind} file.svg."),
                    ErrorIds.InvalidChartInput, ErrorCategory.InvalidArgument, item));
                return false;
            }

            var added = new HashSet<(string Name, int Step)>();
            foreach ((string name, int step) in keys)
            {
                if (_drawn.Contains((name, step)) || !added.Add((name, step)))
                {
                    WriteError(ErrorRecords.Create(
                        new PSArgumentException($"'{item}' was not drawn: the chart already has {name} at step {step}. A chart draws one training run; export each run to its own file."),
                        ErrorIds.InvalidChartInput, ErrorCategory.InvalidArgument, item));
                    return false;
                }
            }

            _drawn.UnionWith(added);
            return true;
        }

        private void ReportUnreadable(PSObject item, string reason) =>
            WriteError(ErrorRecords.Create(
                new PSArgumentException($"'{item}' cannot be drawn: {reason}."),
                ErrorIds.InvalidChartInput, ErrorCategory.InvalidArgument, item));

        // A row of Import-Csv (all strings) or any object with the record's properties.
        private static bool TryReadRatio(PSObject item, out UpdateRatioPoint point)
        {
            point = default;
            if (!RecordProperties.TryReadStep(item, "Step", out int step)
                || !RecordProperties.TryReadText(item, "Parameter", out string parameter)
                || item.Properties["UpdateToDataRatioLog10"] is null
                || !RecordProperties.TryReadNumber(item, "UpdateToDataRatioLog10", out double? ratio))
            {
                return false;
            }

            RecordProperties.TryReadText(item, "Shape", out string shape);
            point = new UpdateRatioPoint(step, parameter, ratio, shape);
            return true;
        }

        private static bool TryReadActivation(PSObject item, out ActivationPoint point)
        {
            point = default;
            if (!RecordProperties.TryReadStep(item, "Step", out int step)
                || !RecordProperties.TryReadText(item, "Layer", out string layer)
                || !RecordProperties.TryReadNumber(item, "Std", out double? std) || std is null
                || !RecordProperties.TryReadNumber(item, "SaturatedFraction", out double? saturated))
            {
                return false;
            }

            point = new ActivationPoint(step, layer, std.Value, saturated);
            return true;
        }
    }
}
