using System;
using System.IO;
using System.Management.Automation;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Common
{
    /// <summary>
    /// The -CheckpointPath file of the training cmdlets: protected like Export-BigramModel's file (-NoClobber, -Force,
    /// ShouldProcess), written every -CheckpointInterval steps and at the end, and once more when the pipeline stops
    /// (Ctrl+C), whose output PowerShell discards. A failed write is reported and training goes on.
    /// </summary>
    internal sealed class TrainingCheckpoint
    {
        /// <summary>No -CheckpointPath: nothing is written.</summary>
        internal static readonly TrainingCheckpoint None = new TrainingCheckpoint(null, 1, declined: false);

        private readonly OutputFile _claims = new OutputFile();
        private readonly string? _file;
        private readonly int _interval;

        private TrainingCheckpoint(string? file, int interval, bool declined)
        {
            _file = file;
            _interval = interval;
            Declined = declined;
        }

        /// <summary>ShouldProcess declined the file (-WhatIf, or No at -Confirm): nothing is trained, as nothing would be kept.</summary>
        internal bool Declined { get; }

        /// <summary>
        /// Checks <paramref name="path"/> (taken literally) as <see cref="OutputFile.Prepare"/> does, terminating on
        /// FileExists or FileReadOnly; <see cref="None"/> when no path was given.
        /// </summary>
        internal static TrainingCheckpoint Prepare(PSCmdlet cmdlet, string? path, int interval, bool force, bool noClobber, string action)
        {
            if (path is null)
            {
                return None;
            }

            string? file = OutputFile.Prepare(cmdlet, path, literal: true, force, noClobber, action);
            return new TrainingCheckpoint(file, interval, declined: file is null);
        }

        /// <summary>
        /// Records that the next model trained writes the checkpoint; false (after a PathConflict error) when this command
        /// already wrote another model's checkpoint to the file.
        /// </summary>
        internal bool Claim(PSCmdlet cmdlet) => _file is null || _claims.Claim(cmdlet, _file, "the checkpoint of another model");

        /// <summary>Whether to save after <paramref name="step"/> of <paramref name="total"/>: the end of training saves the last step.</summary>
        internal bool IsDue(int step, int total) => _file is not null && step % _interval == 0 && step < total;

        /// <summary>Saves <paramref name="model"/>; a failure is a non-terminating CheckpointFailed error, and training goes on.</summary>
        /// <param name="cmdlet">The training cmdlet, which reports the save.</param>
        /// <param name="model">The model so far.</param>
        /// <param name="after">How far training got, for the verbose message ("100 steps").</param>
        internal void Save(PSCmdlet cmdlet, ILanguageModel model, string after)
        {
            if (_file is null)
            {
                return;
            }

            try
            {
                Write(model);
                cmdlet.WriteVerbose($"Saved a checkpoint after {after} to '{_file}'.");
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                // Training goes on: losing a checkpoint must not lose the run.
                cmdlet.WriteError(ErrorRecords.Create(
                    new IOException($"Cannot write the checkpoint '{_file}': {exception.Message} Training continues; fix the path or its permissions to keep checkpoints.", exception),
                    ErrorIds.CheckpointFailed, ErrorCategory.WriteError, _file));
            }
        }

        /// <summary>Saves the model <paramref name="model"/> makes, while the pipeline stops.</summary>
        internal void SaveWhileStopping(Func<ILanguageModel> model)
        {
            if (_file is null)
            {
                return;
            }

            // Nothing can be written to the host once the pipeline stops, so a failure here cannot be reported.
            try
            {
                Write(model());
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        // Atomic, keeps the file's permissions, and a read-only file (allowed by -Force) stays read-only.
        private void Write(ILanguageModel model) => OutputFile.Write(_file!, target => ModelFile.Save(model, target));
    }
}
