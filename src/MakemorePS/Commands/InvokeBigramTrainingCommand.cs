using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Invoke-BigramTraining: trains the neural bigram model (one linear layer and a softmax) by gradient descent,
    /// from names or from an existing model, and returns it with its loss history.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BigramTraining", DefaultParameterSetName = NameSet, SupportsShouldProcess = true)]
    [OutputType(typeof(BigramModel))]
    [OutputType(typeof(TrainingRecord))]
    public sealed class InvokeBigramTrainingCommand : NameInputCommandBase
    {
        private const string ModelSet = "Model";
        private const int ProgressActivityId = 1;

        private bool _receivedModel;
        private bool _diverged;
        private bool _warnedAboutInitialization;
        private TrainingOptions _options = new TrainingOptions();
        private TrainingCheckpoint _checkpoint = TrainingCheckpoint.None;

        /// <summary>
        /// A model to train further: a neural model continues from its weights and loss history; a count model
        /// starts training on its counts and training names.
        /// </summary>
        [Parameter(ParameterSetName = ModelSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public BigramModel? Model { get; set; }

        /// <summary>
        /// How many gradient steps to add (default 100): a neural model given with -Model takes this many more
        /// (Invoke-MlpTraining's -Steps is the total to reach instead).
        /// </summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Steps { get; set; } = 100;

        /// <summary>The gradient-descent step size (default 50, as in the lecture).</summary>
        [Parameter]
        [ValidatePositive]
        public float LearningRate { get; set; } = 50f;

        /// <summary>λ in loss = mean NLL + λ·mean(W²), pulling the weights towards zero (default 0.01).</summary>
        [Parameter]
        [ValidateNonNegative]
        public float Regularization { get; set; } = 0.01f;

        /// <summary>Seeds the weight initialization and mini-batch shuffling (default 2147483647, as in the lecture).</summary>
        [Parameter]
        public long Seed { get; set; } = 2147483647L;

        /// <summary>
        /// How the weights start: Random (seeded normal, default), Zeros (uniform rows) or LogCounts (the count model). A
        /// neural model to continue keeps its weights, so this then changes nothing (a warning says so).
        /// </summary>
        [Parameter]
        public WeightInitialization Initialization { get; set; } = WeightInitialization.Random;

        /// <summary>Examples per step; 0 (the default) uses every bigram in every step.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int BatchSize { get; set; }

        /// <summary>
        /// A file the model is saved to every -CheckpointInterval steps, at the end, and when training is stopped
        /// with Ctrl+C (whose pipeline output PowerShell discards). Load it with Import-BigramModel. Protected like
        /// Export-BigramModel's -Path: -NoClobber, -Force for a read-only file, -WhatIf and -Confirm.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CheckpointPath { get; set; }

        /// <summary>Steps between checkpoints (default 100).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int CheckpointInterval { get; set; } = 100;

        /// <summary>Replaces a read-only -CheckpointPath file (which stays read-only).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Refuses to start when the -CheckpointPath file already exists.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>
        /// Emits each step's TrainingRecord as it finishes, instead of the model, for Export-Csv or a chart
        /// (use -CheckpointPath to keep the model too). Without it the model is emitted, and its LossHistory holds
        /// the records.
        /// </summary>
        [Parameter]
        public SwitchParameter AsTrainingRecord { get; set; }

        private protected override bool CollectsTrainingNames => true;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            _options = new TrainingOptions
            {
                Steps = Steps,
                LearningRate = LearningRate,
                Regularization = Regularization,
                Seed = Seed,
                Initialization = Initialization,
                BatchSize = BatchSize,
            };
            try
            {
                _options.Validate();
            }
            catch (ArgumentOutOfRangeException exception)
            {
                ThrowTerminatingError(ErrorRecords.FromArgument(exception, ErrorIds.InvalidTrainingSetting, _options));
            }

            _checkpoint = TrainingCheckpoint.Prepare(this, CheckpointPath, CheckpointInterval, Force.IsPresent, NoClobber.IsPresent, "Save training checkpoints");

            // Names and models may share the pipeline: each model is trained on as it arrives, the names are trained
            // into one new model at the end.
            BeginNameInput();
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (_checkpoint.Declined)
            {
                return;
            }

            if (ParameterSetName == ModelSet)
            {
                BigramModel start = Model!;
                _receivedModel = true;
                if (start.Kind == BigramModelKind.Neural && _options.Steps == 0)
                {
                    // As Invoke-MlpTraining does for a model already at its -Steps: a warning, and the model flows on.
                    WriteWarning($"-Steps 0 adds no step to the model's {Messages.Count(start.Steps, "step")}, so nothing was trained" +
                        $"{(AsTrainingRecord.IsPresent ? string.Empty : " and the model is emitted unchanged")}. -Steps is the number of steps to add.");
                    if (!AsTrainingRecord.IsPresent)
                    {
                        WriteObject(start);
                    }

                    return;
                }

                WriteVerbose(start.Kind == BigramModelKind.Neural
                    ? $"Continuing training from the model's weights after its {Messages.Count(start.Steps, "step")}."
                    : "Training on the counts and training names of the count model.");
                if (start.Kind == BigramModelKind.Neural && !_warnedAboutInitialization && MyInvocation.BoundParameters.ContainsKey(nameof(Initialization)))
                {
                    _warnedAboutInitialization = true;
                    WriteWarning(Messages.AppliesToNewModelOnly("its weights", "-Initialization"));
                }

                Train(start.Counts, start, start.TrainingNames);
                return;
            }

            ProcessNameInput();
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            // Only models arrived: nothing more to train. (Without any input the bundled names are trained on.)
            if (_checkpoint.Declined || (_receivedModel && !ReceivedNameInput))
            {
                return;
            }

            BigramCounts counts = CompleteNameInput(out IReadOnlyList<string>? trainingNames);
            Train(counts, null, trainingNames);
        }

        private void Train(BigramCounts counts, BigramModel? start, IReadOnlyList<string>? trainingNames)
        {
            if (!_checkpoint.Claim(this))
            {
                return;
            }

            BigramTrainer trainer;
            try
            {
                trainer = new BigramTrainer(counts, _options, start, trainingNames);
            }
            catch (ArgumentException exception)
            {
                // The settings cannot start from this model (LogCounts from a model with smoothing 0 and an unseen bigram).
                WriteError(ErrorRecords.FromArgument(exception, ErrorIds.InvalidTrainingSetting, _options));
                return;
            }

            int total = _options.Steps;
            WriteVerbose(string.Format(CultureInfo.InvariantCulture,
                "Training on {0} bigrams of {1} names over {2} symbols: {3}.", counts.TotalBigrams, counts.NameCount, counts.Size, _options));

            var progress = new TrainingProgress(this, ProgressActivityId, "Training the bigram model", total);
            try
            {
                for (int step = 1; step <= total; step++)
                {
                    if (IsStopping)
                    {
                        // PowerShell discards the output of a stopped pipeline: the checkpoint is what the user keeps.
                        _checkpoint.SaveWhileStopping(trainer.ToModel);
                        return;
                    }

                    TrainingRecord record;
                    try
                    {
                        record = trainer.Step();
                    }
                    catch (TrainingDivergedException exception)
                    {
                        // Never checkpoint after divergence: the last weights may already be far off.
                        _diverged = true;
                        ThrowTerminatingError(ErrorRecords.FromCore(exception, ErrorCategory.InvalidResult, _options));
                        return;
                    }

                    if (AsTrainingRecord.IsPresent)
                    {
                        WriteObject(record);
                    }

                    if (_checkpoint.IsDue(step, total))
                    {
                        SaveCheckpoint(trainer.ToModel());
                    }

                    if (progress.IsDue(step))
                    {
                        progress.Write(step, string.Format(CultureInfo.InvariantCulture, "Step {0} of {1}, loss {2:F4}", step, total, record.Loss));
                    }
                }
            }
            catch (PipelineStoppedException) when (!_diverged)
            {
                // Ctrl+C (WriteObject may throw before StopProcessing runs), not the divergence error, which also
                // unwinds as PipelineStoppedException: keep the work.
                _checkpoint.SaveWhileStopping(trainer.ToModel);
                throw;
            }

            progress.Complete();

            BigramModel model = trainer.ToModel();
            SaveCheckpoint(model);

            if (!AsTrainingRecord.IsPresent)
            {
                WriteObject(model);
            }
        }

        private void SaveCheckpoint(BigramModel model) => _checkpoint.Save(this, model, Messages.Count(model.Steps, "step"));
    }
}
