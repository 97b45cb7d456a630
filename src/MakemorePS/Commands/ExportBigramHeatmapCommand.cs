using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;
using OxyPlot;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Export-BigramHeatmap: draws a model's bigram counts (or, with -Probability, its probabilities), or count records,
    /// as the lecture's blue heatmap and writes it to an SVG file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "BigramHeatmap", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportBigramHeatmapCommand : ChartExportCommandBase
    {
        private readonly List<ILanguageModel> _models = new List<ILanguageModel>();
        private readonly List<BigramCountRecord> _records = new List<BigramCountRecord>();

        /// <summary>The model to draw: its training counts, or with -Probability its next-character probabilities.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public ILanguageModel? Model { get; set; }

        /// <summary>Count records such as Get-BigramCounts emits, drawn instead of a model.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public BigramCountRecord[]? CountRecord { get; set; }

        /// <summary>Draws the model's probabilities P(next | current) instead of the counts.</summary>
        [Parameter]
        public SwitchParameter Probability { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (Model is not null)
            {
                _models.Add(Model);
            }

            if (CountRecord is not null)
            {
                _records.AddRange(CountRecord);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            HeatmapMatrix matrix = CollectMatrix();
            int size = BigramHeatmapChart.DefaultSize(matrix.Size);
            PlotModel chart = BigramHeatmapChart.Create(matrix, Title);
            WriteVerbose($"Drawing a {matrix.Size}×{matrix.Size} heatmap of {(matrix.Kind == HeatmapValueKind.Counts ? "counts" : "probabilities")}{MissingCellLabels(matrix, chart, size)}.");
            ExportChart(chart, "Export bigram heatmap", size, size);
        }

        // Why the cells carry no labels, and what would give them labels; empty when they carry labels.
        private string MissingCellLabels(HeatmapMatrix matrix, PlotModel chart, int defaultSize)
        {
            if (!BigramHeatmapChart.HasCellLabels(matrix.Size))
            {
                return $" without cell labels: a table of more than {BigramHeatmapChart.MaxLabelledSymbols} symbols has too many cells to label at any size";
            }

            (int width, int height) = PictureSize(defaultSize, defaultSize);
            HeatmapCellLabels labels = BigramHeatmapChart.MeasureCellLabels(chart, width, height);
            return labels.FontSize.HasValue
                ? string.Empty
                : string.Format(
                    CultureInfo.InvariantCulture,
                    " without cell labels: at {0}×{1} each cell is {2:0.#} pixels wide, too small for its label, which needs {3:0} pixels to be legible. Give a larger -Width and -Height, or leave both out for the default size, {4}×{4}, which gives every cell room for its label",
                    width,
                    height,
                    labels.CellSize,
                    Math.Ceiling(labels.LegibleCellSize),
                    defaultSize);
        }

        private HeatmapMatrix CollectMatrix()
        {
            if (_models.Count == 0 && _records.Count == 0)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException("There is nothing to draw. Pipe a model (New-BigramModel | Export-BigramHeatmap counts.svg) or count records (Get-BigramCounts | Export-BigramHeatmap counts.svg)."),
                    ErrorIds.NoChartData, ErrorCategory.InvalidArgument, null));
            }

            if (_models.Count > 0 && _records.Count > 0)
            {
                ThrowInvalidInput("Both a model and count records were given. A heatmap draws one table: give either a model or count records.", null);
            }

            if (_models.Count > 1)
            {
                ThrowInvalidInput($"{_models.Count} models were given, but a heatmap draws one model. Export each model to its own file, for example with ForEach-Object.", _models);
            }

            if (_models.Count == 1)
            {
                ILanguageModel model = _models[0];
                if (Probability.IsPresent)
                {
                    return HeatmapMatrix.FromLanguageModel(model);
                }

                HeatmapMatrix? counts = HeatmapMatrix.FromTrainingCounts(model);
                if (counts is null)
                {
                    ThrowInvalidInput($"The {model.KindName} model keeps no bigram counts. Use -Probability to draw its probabilities, or draw the counts of its training names (Get-BigramCounts | Export-BigramHeatmap counts.svg).", model);
                }

                return counts!;
            }

            if (Probability.IsPresent)
            {
                ThrowInvalidInput("-Probability needs a model: count records hold counts only. Pipe a model instead (New-BigramModel | Export-BigramHeatmap -Probability probabilities.svg).", null);
            }

            try
            {
                return HeatmapMatrix.FromCountRecords(_records);
            }
            catch (System.ArgumentException exception)
            {
                ThrowInvalidInput($"The count records cannot be drawn: {exception.Message}", _records);
                throw; // ThrowTerminatingError never returns.
            }
        }

        private void ThrowInvalidInput(string message, object? target) =>
            ThrowTerminatingError(ErrorRecords.Create(new PSArgumentException(message), ErrorIds.InvalidChartInput, ErrorCategory.InvalidArgument, target));
    }
}
