using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>
    /// makemore part 3's gradient diagnostic for one trained tensor: the gradient's mean and std, the grad:data ratio,
    /// and log10(std(lr·grad)/std(data)), the update-to-data ratio the lecture plots (about −3 is healthy).
    /// </summary>
    public sealed class MlpGradientStatistics
    {
        /// <summary>Creates a record.</summary>
        public MlpGradientStatistics(int step, string parameter, string shape, double gradientMean, double gradientStd, double dataStd, double? gradientToDataRatio, double? updateToDataRatioLog10)
        {
            Step = step;
            Parameter = parameter;
            Shape = shape;
            GradientMean = gradientMean;
            GradientStd = gradientStd;
            DataStd = dataStd;
            GradientToDataRatio = gradientToDataRatio;
            UpdateToDataRatioLog10 = updateToDataRatioLog10;
        }

        /// <summary>The step whose gradient this is (the data are after its update).</summary>
        public int Step { get; }

        /// <summary>C, W1, b1, bngain, bnbias, W2 or b2.</summary>
        public string Parameter { get; }

        /// <summary>The tensor's shape, rows×columns (for example "30x200").</summary>
        public string Shape { get; }

        /// <summary>The mean of the gradient.</summary>
        public double GradientMean { get; }

        /// <summary>The (unbiased) std of the gradient.</summary>
        public double GradientStd { get; }

        /// <summary>The (unbiased) std of the tensor's values.</summary>
        public double DataStd { get; }

        /// <summary>std(grad)/std(data); null when the data's std is 0 (for example b2 = 0 at the start).</summary>
        public double? GradientToDataRatio { get; }

        /// <summary>log10(std(lr·grad)/std(data)); null when the ratio is 0 or undefined.</summary>
        public double? UpdateToDataRatioLog10 { get; }

        /// <summary>The <see cref="Shape"/> of a tensor of <paramref name="rows"/> by <paramref name="columns"/>.</summary>
        internal static string FormatShape(int rows, int columns) => string.Format(CultureInfo.InvariantCulture, "{0}x{1}", rows, columns);

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "step {0} {1} {2}: grad std {3:E3}, update:data log10 {4:F2}", Step, Parameter, Shape, GradientStd, UpdateToDataRatioLog10);
    }
}
