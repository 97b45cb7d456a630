using System;
using System.IO;
using System.Management.Automation;
using MakemorePS.Core;
using OxyPlot;

namespace MakemorePS.Common
{
    /// <summary>
    /// What the chart cmdlets share: the SVG file (-Path, -LiteralPath, -Force, -NoClobber, -PassThru, ShouldProcess),
    /// the picture's -Width, -Height and -Title, and the atomic write.
    /// </summary>
    public abstract class ChartExportCommandBase : PSCmdlet
    {
        /// <summary>The parameter set of a file given by -Path.</summary>
        protected const string PathSet = "Path";

        /// <summary>The parameter set of a file given by -LiteralPath.</summary>
        protected const string LiteralPathSet = "LiteralPath";

        /// <summary>The SVG file to write. A wildcard may be used if it matches exactly one existing file.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The SVG file to write, taken exactly as written (no wildcards).</summary>
        [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>The picture's width in pixels; each cmdlet has its own default.</summary>
        [Parameter]
        [ValidateRange(SvgChart.MinimumSize, SvgChart.MaximumSize)]
        public int Width { get; set; }

        /// <summary>The picture's height in pixels; each cmdlet has its own default.</summary>
        [Parameter]
        [ValidateRange(SvgChart.MinimumSize, SvgChart.MaximumSize)]
        public int Height { get; set; }

        /// <summary>The title above the chart; each cmdlet has its own default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>Replaces a read-only file (which stays read-only).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Refuses to overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Emits the written file (FileInfo).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The size of the picture: -Width and -Height, or the defaults for those not given.</summary>
        private protected (int Width, int Height) PictureSize(int defaultWidth, int defaultHeight) =>
            (MyInvocation.BoundParameters.ContainsKey(nameof(Width)) ? Width : defaultWidth,
             MyInvocation.BoundParameters.ContainsKey(nameof(Height)) ? Height : defaultHeight);

        /// <summary>
        /// Writes <paramref name="chart"/> as SVG to the file -Path or -LiteralPath names, protected as every file of the
        /// module is (<see cref="OutputFile"/>); a size not given falls back to the defaults. Problems terminate the command.
        /// </summary>
        private protected void ExportChart(PlotModel chart, string action, int defaultWidth, int defaultHeight)
        {
            bool literal = ParameterSetName == LiteralPathSet;
            string? file = OutputFile.Prepare(this, literal ? LiteralPath : Path, literal, Force.IsPresent, NoClobber.IsPresent, action);
            if (file is null)
            {
                return;
            }

            (int width, int height) = PictureSize(defaultWidth, defaultHeight);
            try
            {
                OutputFile.Write(file, target => SvgChart.Save(chart, target, width, height));
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new IOException($"Cannot write the chart to '{file}': {exception.Message} Check that the folder exists and is writable.", exception),
                    ErrorIds.FileWriteFailed, ErrorCategory.WriteError, file));
            }

            WriteVerbose($"Wrote a {width}×{height} SVG chart to '{file}'.");
            if (PassThru.IsPresent)
            {
                WriteObject(new FileInfo(file));
            }
        }
    }
}
