using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Invoke-MlpTraining: trains the MLP language model of makemore parts 2 and 3 (character embeddings, the last
    /// BlockSize characters, a tanh hidden layer with optional BatchNorm, a softmax) by mini-batch gradient descent,
    /// with the lecture's defaults, from names or from an existing model, and returns the model with its loss history.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MlpTraining", DefaultParameterSetName = NameSet, SupportsShouldProcess = true)]
    [OutputType(typeof(MlpModel))]
    [OutputType(typeof(MlpTrainingRecord))]
    public sealed class InvokeMlpTrainingCommand : NameInputCommandBase
    {
        private const string ModelSet = "Model";
        private const int ProgressActivityId = 2;

        private readonly List<string> _validationNames = new List<string>();
        private MlpTrainingOptions _options = new MlpTrainingOptions();
        private TrainingCheckpoint _checkpoint = TrainingCheckpoint.None;
        private MlpModel? _namedModel;
        private bool _receivedModel;
        private bool _warnedAboutNewModelSettings;

        /// <summary>
        /// A model to continue training (a checkpoint): its weights, step count, random state and history. A piped model,
        /// or one given without names, continues on its own training names; given names, it continues on those.
        /// </summary>
        [Parameter(ParameterSetName = ModelSet, Mandatory = true, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = NameSet)]
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [ValidateNotNull]
        public MlpModel? Model { get; set; }

        /// <summary>
        /// The total number of steps the model has when training ends (default 200,000): a model given with -Model continues
        /// up to it, not by it (Invoke-BigramTraining's -Steps is the number of steps to add).
        /// </summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Steps { get; set; } = 200_000;

        /// <summary>How many previous characters the model sees (default 3).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int BlockSize { get; set; } = 3;

        /// <summary>The size of each character's embedding (default 10).</summary>
        [Parameter]
        [ValidateRange(1, 4096)]
        public int EmbeddingSize { get; set; } = 10;

        /// <summary>The number of tanh units in the hidden layer (default 200).</summary>
        [Parameter]
        [ValidateRange(1, 65536)]
        public int HiddenSize { get; set; } = 200;

        /// <summary>Leaves out BatchNorm, which part 3 adds after the first linear layer (that layer then gets its bias back).</summary>
        [Parameter]
        public SwitchParameter NoBatchNorm { get; set; }

        /// <summary>The momentum of BatchNorm's running mean and std (default 0.001).</summary>
        [Parameter]
        [ValidateRange(0f, 1f)]
        public float BatchNormMomentum { get; set; } = 0.001f;

        /// <summary>The ε added to the batch variance in BatchNorm (default 0, as in the lecture).</summary>
        [Parameter]
        [ValidateRange(0f, float.MaxValue)]
        public float BatchNormEpsilon { get; set; }

        /// <summary>How the weights start: Scaled (part 3, the default) or Gaussian (part 2).</summary>
        [Parameter]
        public MlpInitialization Initialization { get; set; } = MlpInitialization.Scaled;

        /// <summary>Examples per step, drawn at random with replacement (default 32).</summary>
        [Parameter]
        [ValidateRange(1, 1 << 20)]
        public int BatchSize { get; set; } = 32;

        /// <summary>The learning rate up to and including -DecayStep (default 0.1).</summary>
        [Parameter]
        [ValidatePositive]
        public float LearningRate { get; set; } = 0.1f;

        /// <summary>The learning rate after -DecayStep (default 0.01).</summary>
        [Parameter]
        [ValidatePositive]
        public float DecayedLearningRate { get; set; } = 0.01f;

        /// <summary>The last step at -LearningRate (default 100,000).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int DecayStep { get; set; } = 100_000;

        /// <summary>Seeds the initial weights and every mini-batch (default 2147483647, as in the lecture).</summary>
        [Parameter]
        public long Seed { get; set; } = MlpTrainingOptions.DefaultSeed;

        /// <summary>Validation names whose loss (the dev loss) is measured every -DevLossInterval steps and at the end.</summary>
        [Parameter]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[]? ValidationName { get; set; }

        /// <summary>Files of validation names, one per line. Wildcards are accepted.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? ValidationPath { get; set; }

        /// <summary>Steps between dev-loss measurements (default 10,000; 0 measures only at the end).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int DevLossInterval { get; set; } = 10_000;

        /// <summary>Measures activation and gradient statistics (makemore part 3's diagnostics) every -DiagnosticsInterval steps.</summary>
        [Parameter]
        public SwitchParameter Diagnostics { get; set; }

        /// <summary>Steps between diagnostics with -Diagnostics (default 1,000).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int DiagnosticsInterval { get; set; } = 1_000;

        /// <summary>
        /// A file the model is saved to every -CheckpointInterval steps, at the end, and when training is stopped
        /// with Ctrl+C (whose pipeline output PowerShell discards). Load it with Import-BigramModel and continue it with -Model.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CheckpointPath { get; set; }

        /// <summary>Steps between checkpoints (default 10,000).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int CheckpointInterval { get; set; } = 10_000;

        /// <summary>Replaces a read-only -CheckpointPath file (which stays read-only).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Refuses to start when the -CheckpointPath file already exists.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Emits each step's record as it finishes, instead of the model, for Export-Csv or a chart.</summary>
        [Parameter]
        public SwitchParameter AsTrainingRecord { get; set; }

        private protected override bool CollectsTrainingNames => true;

        private protected override bool KeepsDuplicateNames => true;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            // Only a model given by name is bound yet; piped models get their options as they arrive.
            _namedModel = Model;
            _options = BuildOptions(_namedModel);
            if (!TryValidate(_options, perItem: false))
            {
                return;
            }

            _checkpoint = TrainingCheckpoint.Prepare(this, CheckpointPath, CheckpointInterval, Force.IsPresent, NoClobber.IsPresent, "Train an MLP and save checkpoints");

            // Names and models may share the pipeline: each model is continued on its own names as it arrives, the
            // names are trained into one model at the end (a new one, or the model given by name).
            ReadValidationNames();
            if (!ValidationGiven && MyInvocation.BoundParameters.ContainsKey(nameof(DevLossInterval)))
            {
                WriteWarning("-DevLossInterval changes nothing without validation names: no dev loss is measured. Give the names with -ValidationName or -ValidationPath.");
            }

            BeginNameInput();
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (_checkpoint.Declined)
            {
                return;
            }

            // A model other than the one given by name came down the pipeline. (The parameter set may still read Name:
            // -Model belongs to every set, and takes pipeline input in its own only.)
            if (Model is not null && Model != _namedModel)
            {
                _receivedModel = true;
                MlpTrainingOptions options = BuildOptions(Model);
                if (TryValidate(options, perItem: true))
                {
                    Train(Model, null, options, perItem: true);
                }

                return;
            }

            ProcessNameInput();
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            // Only piped models arrived: each has been trained. (Without any input the bundled names are trained on.)
            if (_checkpoint.Declined || (_receivedModel && !ReceivedNameInput))
            {
                return;
            }

            if (_namedModel is not null && !ReceivedNameInput && !MyInvocation.ExpectingInput)
            {
                // -Model without names continues on the model's own names, as a piped model does.
                Train(_namedModel, null, _options, perItem: false);
                return;
            }

            CompleteNameInput(out IReadOnlyList<string>? trainingNames);
            Train(_namedModel, trainingNames, _options, perItem: false);
        }

        private bool ValidationGiven => ValidationName is not null || ValidationPath is not null;

        // A piped model that cannot be trained is reported and the next one is trained; otherwise the command stops.
        private void Fail(ErrorRecord error, bool perItem)
        {
            if (perItem)
            {
                WriteError(error);
            }
            else
            {
                ThrowTerminatingError(error);
            }
        }

        private bool TryValidate(MlpTrainingOptions options, bool perItem)
        {
            try
            {
                options.Validate();
                return true;
            }
            catch (ArgumentOutOfRangeException exception)
            {
                Fail(ErrorRecords.FromArgument(exception, ErrorIds.InvalidTrainingSetting, options), perItem);
                return false;
            }
        }

        private MlpTrainingOptions BuildOptions(MlpModel? start)
        {
            // A model to continue keeps its own architecture unless a size is given explicitly (a different one is refused).
            MlpTrainingOptions options = start?.TrainingSettings.Clone() ?? new MlpTrainingOptions();
            bool fresh = start is null;
            Dictionary<string, object> bound = MyInvocation.BoundParameters;
            options.Steps = Steps;
            if (fresh || bound.ContainsKey(nameof(BlockSize)))
            {
                options.BlockSize = BlockSize;
            }

            if (fresh || bound.ContainsKey(nameof(EmbeddingSize)))
            {
                options.EmbeddingSize = EmbeddingSize;
            }

            if (fresh || bound.ContainsKey(nameof(HiddenSize)))
            {
                options.HiddenSize = HiddenSize;
            }

            if (fresh || bound.ContainsKey(nameof(NoBatchNorm)))
            {
                options.BatchNorm = !NoBatchNorm.IsPresent;
            }

            if (fresh || bound.ContainsKey(nameof(Initialization)))
            {
                options.Initialization = Initialization;
            }

            if (fresh || bound.ContainsKey(nameof(Seed)))
            {
                options.Seed = Seed;
            }

            if (fresh || bound.ContainsKey(nameof(BatchNormMomentum)))
            {
                options.BatchNormMomentum = BatchNormMomentum;
            }

            if (fresh || bound.ContainsKey(nameof(BatchNormEpsilon)))
            {
                options.BatchNormEpsilon = BatchNormEpsilon;
            }

            if (fresh || bound.ContainsKey(nameof(BatchSize)))
            {
                options.BatchSize = BatchSize;
            }

            if (fresh || bound.ContainsKey(nameof(LearningRate)))
            {
                options.LearningRate = LearningRate;
            }

            if (fresh || bound.ContainsKey(nameof(DecayedLearningRate)))
            {
                options.DecayedLearningRate = DecayedLearningRate;
            }

            if (fresh || bound.ContainsKey(nameof(DecayStep)))
            {
                options.DecayStep = DecayStep;
            }

            if (!fresh && !_warnedAboutNewModelSettings && (bound.ContainsKey(nameof(Seed)) || bound.ContainsKey(nameof(Initialization))))
            {
                _warnedAboutNewModelSettings = true;
                string[] given = new[] { nameof(Seed), nameof(Initialization) }.Where(bound.ContainsKey).Select(name => "-" + name).ToArray();
                WriteWarning(Messages.AppliesToNewModelOnly("its weights and its random state", given));
            }

            options.DevLossInterval = DevLossInterval;
            options.DiagnosticsInterval = Diagnostics.IsPresent ? DiagnosticsInterval : 0;
            return options;
        }

        private void ReadValidationNames()
        {
            if (ValidationName is not null)
            {
                foreach (string? raw in ValidationName)
                {
                    try
                    {
                        if (NameNormalizer.TryNormalize(raw, LowerCase.IsPresent, out string? name))
                        {
                            _validationNames.Add(name!);
                        }
                    }
                    catch (InvalidNameException exception)
                    {
                        WriteError(ErrorRecords.FromCore(exception, ErrorCategory.InvalidData, raw));
                    }
                }
            }

            if (ValidationPath is null)
            {
                return;
            }

            var counter = new BigramCounter(new CountingOptions
            {
                LowerCase = LowerCase.IsPresent,
                CollectNames = true,
                KeepDuplicateNames = true,
                Rejected = rejection => WriteError(ErrorRecords.Create(
                    new InvalidDataException($"{rejection.Source ?? "input"}, line {rejection.LineNumber}: {rejection.Message}", rejection.Error),
                    rejection.Error.ErrorId, ErrorCategory.InvalidData, rejection.Text)),
            });
            foreach (string path in ValidationPath)
            {
                foreach (string file in ProviderPaths.ResolveInputFiles(this, path, literal: false))
                {
                    try
                    {
                        counter.AddFile(file);
                    }
                    catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                    {
                        WriteError(ErrorRecords.Create(
                            new IOException($"Cannot read '{file}': {exception.Message}", exception),
                            ErrorIds.FileReadFailed, ErrorCategory.ReadError, file));
                    }
                }
            }

            _validationNames.AddRange(counter.Names);
        }

        private void ReportRejectedName(Exception exception)
        {
            // A validation name with a character the training names never had, for example: left out, reported, training goes on.
            object? target = exception is UnknownCharacterException unknown ? unknown.Name : (exception as InvalidNameException)?.Name;
            string id = exception is IMakemoreError error ? error.ErrorId : ErrorIds.InvalidName;
            WriteError(ErrorRecords.Create(exception, id, ErrorCategory.InvalidData, target));
        }

        /// <summary>Trains a new model on <paramref name="trainingNames"/>, or continues <paramref name="start"/> on them (on its own names when null).</summary>
        private void Train(MlpModel? start, IReadOnlyList<string>? trainingNames, MlpTrainingOptions options, bool perItem)
        {
            if (start is not null && options.Steps <= start.Steps)
            {
                // Not an error: the model is fine as it is, and emitting it keeps a pipeline of models flowing.
                WriteWarning(NothingToTrain(start.Steps, options.Steps));
                if (!AsTrainingRecord.IsPresent)
                {
                    WriteObject(start);
                }

                return;
            }

            if (!_checkpoint.Claim(this))
            {
                return;
            }

            MlpTrainer trainer;
            try
            {
                trainer = new MlpTrainer(trainingNames, options, start, ValidationGiven ? _validationNames : null, ReportRejectedName);
            }
            catch (ArgumentException exception) when (exception.ParamName == "trainingNames")
            {
                // Every name was left out (each reported above), for example names a continued model cannot spell.
                Fail(ErrorRecords.Create(
                    new PSArgumentException($"No name could be trained on: {ErrorRecords.MessageOnly(exception)}", exception),
                    ErrorIds.NoInputNames, ErrorCategory.InvalidData, start), perItem);
                return;
            }
            catch (ArgumentException exception)
            {
                Fail(ErrorRecords.FromArgument(exception, ErrorIds.InvalidTrainingSetting, options), perItem);
                return;
            }

            if (start is not null)
            {
                WriteVerbose($"Continuing training from the model's weights after its {Messages.Count(start.Steps, "step")}, on {(trainingNames is null ? "its own training names" : "the names given")}.");
            }

            Train(trainer, options, start?.DevLoss);
        }

        private void Train(MlpTrainer trainer, MlpTrainingOptions options, double? devLoss)
        {
            int total = options.Steps;
            WriteVerbose(string.Format(CultureInfo.InvariantCulture,
                "Training on {0} examples of {1} names over {2} symbols{3}: {4}.",
                trainer.TrainingSet.Count, trainer.TrainingSet.NameCount, trainer.Vocabulary.Count,
                trainer.ValidationSet is null ? string.Empty : $", validating on {trainer.ValidationSet.Count} examples of {trainer.ValidationSet.NameCount} names",
                options));
            if (ValidationGiven && (trainer.ValidationSet is null || trainer.ValidationSet.Count == 0))
            {
                WriteWarning("No validation name could be used, so no dev loss is measured.");
            }

            var progress = new TrainingProgress(this, ProgressActivityId, "Training the MLP", total);
            try
            {
                foreach (MlpTrainingRecord record in trainer.Run(StoppingToken))
                {
                    devLoss = record.DevLoss ?? devLoss;
                    if (AsTrainingRecord.IsPresent)
                    {
                        WriteObject(record);
                    }

                    if (_checkpoint.IsDue(record.Step, total))
                    {
                        SaveCheckpoint(trainer.ToModel());
                    }

                    if (progress.IsDue(record.Step))
                    {
                        progress.Write(record.Step, devLoss is double dev
                            ? string.Format(CultureInfo.InvariantCulture, "Step {0:N0} of {1:N0}: loss {2:F4}, dev loss {3:F4}", record.Step, total, record.Loss, dev)
                            : string.Format(CultureInfo.InvariantCulture, "Step {0:N0} of {1:N0}: loss {2:F4}", record.Step, total, record.Loss));
                    }
                }
            }
            catch (TrainingDivergedException exception)
            {
                // The failing step's update was not applied; the last checkpoint holds the last finite model.
                ThrowTerminatingError(ErrorRecords.FromCore(exception, ErrorCategory.InvalidResult, options));
                return;
            }
            catch (PipelineStoppedException)
            {
                _checkpoint.SaveWhileStopping(() => StoppedModel(trainer));
                throw;
            }

            if (IsStopping)
            {
                // PowerShell discards the output of a stopped pipeline: the checkpoint is what the user keeps.
                _checkpoint.SaveWhileStopping(() => StoppedModel(trainer));
                return;
            }

            progress.Complete();

            MlpModel model = trainer.ToModel();
            SaveCheckpoint(model);

            if (!AsTrainingRecord.IsPresent)
            {
                WriteObject(model);
            }
        }

        private string NothingToTrain(int modelSteps, int steps)
        {
            string more = steps > 0
                ? $"To train {Messages.Count(steps, "more step")}, give -Steps {(long)modelSteps + steps}"
                : $"To train k more steps, give -Steps {modelSteps}+k";
            return $"The model already has {Messages.Count(modelSteps, "step")}, and -Steps {steps} is the total it trains to, not a number of steps to add " +
                $"(as Invoke-BigramTraining's is), so nothing was trained{(AsTrainingRecord.IsPresent ? string.Empty : " and the model is emitted unchanged")}. {more}.";
        }

        // The last step of a stopped run is measured (once) like that of a finished one, so the checkpoint's DevLoss is its own.
        private static MlpModel StoppedModel(MlpTrainer trainer)
        {
            trainer.MeasureDevLoss();
            return trainer.ToModel();
        }

        private void SaveCheckpoint(MlpModel model) => _checkpoint.Save(this, model, $"step {model.Steps}");
    }
}
