namespace MakemorePS.Core
{
    /// <summary>Which of makemore part 3's training diagnostics a chart draws.</summary>
    public enum DiagnosticChartKind
    {
        /// <summary>log10 of each parameter's update-to-data ratio over the steps, with the lecture's guide line at −3.</summary>
        UpdateToDataRatio,

        /// <summary>The std of each layer's activations and the tanh saturation over the steps.</summary>
        Activation,
    }
}
