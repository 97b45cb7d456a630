using System;

namespace MakemorePS.Core
{
    /// <summary>One parameter's update-to-data ratio at one step, as <see cref="UpdateRatioChart"/> draws it.</summary>
    public readonly struct UpdateRatioPoint
    {
        /// <summary>Creates a point.</summary>
        /// <param name="step">The step of the gradient.</param>
        /// <param name="parameter">The parameter's name, such as W1.</param>
        /// <param name="updateToDataRatioLog10">log10(lr·std(grad)/std(data)); null when it is undefined at this step.</param>
        /// <param name="shape">The parameter's shape, rows×columns (for example "30x200"); null or empty when unknown.</param>
        public UpdateRatioPoint(int step, string parameter, double? updateToDataRatioLog10, string? shape = null)
        {
            if (string.IsNullOrEmpty(parameter))
            {
                throw new ArgumentException("A parameter needs a name.", nameof(parameter));
            }

            Step = step;
            Parameter = parameter;
            UpdateToDataRatioLog10 = updateToDataRatioLog10;
            Shape = shape ?? string.Empty;
        }

        /// <summary>The step of the gradient.</summary>
        public int Step { get; }

        /// <summary>The parameter's name.</summary>
        public string Parameter { get; }

        /// <summary>The parameter's shape, rows×columns; empty when unknown.</summary>
        public string Shape { get; }

        /// <summary>log10(lr·std(grad)/std(data)); null when it is undefined at this step (the data's std is 0).</summary>
        public double? UpdateToDataRatioLog10 { get; }

        /// <summary>The point of a gradient statistics record.</summary>
        public static UpdateRatioPoint From(MlpGradientStatistics record) =>
            record is null
                ? throw new ArgumentNullException(nameof(record))
                : new UpdateRatioPoint(record.Step, record.Parameter, record.UpdateToDataRatioLog10, record.Shape);
    }
}
