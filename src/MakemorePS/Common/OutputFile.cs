using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace MakemorePS.Common
{
    /// <summary>
    /// The protection every file a cmdlet writes gets: -NoClobber refuses an existing file, a read-only file is replaced
    /// only with -Force, and ShouldProcess guards the write. Model files (Export-BigramModel, -CheckpointPath) are
    /// checked before ShouldProcess, stay read-only, and one command never writes two objects to the same file
    /// (<see cref="Prepare"/>, <see cref="Write"/>, <see cref="Claim"/>); charts are checked after ShouldProcess and a
    /// replaced read-only chart becomes writable (<see cref="PrepareToReplace"/>).
    /// </summary>
    internal sealed class OutputFile
    {
        private static readonly StringComparer PathComparer =
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private readonly HashSet<string> _written = new HashSet<string>(PathComparer);

        /// <summary>
        /// Resolves <paramref name="path"/> and checks that it may be written: a missing folder, a directory or another
        /// provider terminates; -NoClobber on an existing file (FileExists) and a read-only file without -Force
        /// (FileReadOnly) terminate before ShouldProcess, so -WhatIf tells what the real run would do. Returns the
        /// file-system path, or null when ShouldProcess declined.
        /// </summary>
        internal static string? Prepare(PSCmdlet cmdlet, string path, bool literal, bool force, bool noClobber, string action)
        {
            string file = ProviderPaths.ResolveOutputFile(cmdlet, path, literal);
            CheckReplaceable(cmdlet, file, force, noClobber, keepsReadOnly: true);
            return cmdlet.ShouldProcess(file, action) ? file : null;
        }

        /// <summary>
        /// Makes <paramref name="file"/> (resolved, and already approved by ShouldProcess) ready to be replaced by a chart:
        /// an existing file stops the command with FileExists under -NoClobber, and a read-only one with FileReadOnly
        /// unless -Force, which clears the attribute.
        /// </summary>
        internal static void PrepareToReplace(PSCmdlet cmdlet, string file, bool force, bool noClobber)
        {
            if (CheckReplaceable(cmdlet, file, force, noClobber, keepsReadOnly: false))
            {
                new FileInfo(file).IsReadOnly = false;
            }
        }

        /// <summary>
        /// Records that this command writes <paramref name="file"/>; false (after a non-terminating PathConflict error)
        /// when it already wrote another object there, which would silently replace the first.
        /// </summary>
        internal bool Claim(PSCmdlet cmdlet, string file, string what)
        {
            if (_written.Add(file))
            {
                return true;
            }

            cmdlet.WriteError(ErrorRecords.Create(
                new IOException($"'{file}' already holds {what} written by this command, and one file holds one model: this one is not written. Give each model its own path, for example with ForEach-Object."),
                ErrorIds.PathConflict, ErrorCategory.ResourceExists, file));
            return false;
        }

        /// <summary>
        /// Runs <paramref name="write"/>, which replaces <paramref name="file"/> atomically. A read-only file (allowed by
        /// -Force) is made writable for the write and read-only again afterwards, whether the write succeeded or not.
        /// </summary>
        internal static void Write(string file, Action<string> write)
        {
            var existing = new FileInfo(file);
            bool readOnly = existing.Exists && existing.IsReadOnly;
            if (readOnly)
            {
                existing.IsReadOnly = false;
            }

            try
            {
                write(file);
            }
            finally
            {
                if (readOnly)
                {
                    new FileInfo(file).IsReadOnly = true;
                }
            }
        }

        /// <summary>
        /// Terminates with FileExists when <paramref name="file"/> exists under -NoClobber, and with FileReadOnly when it
        /// is read-only without -Force. True when it is a read-only file that -Force allows to be replaced.
        /// </summary>
        private static bool CheckReplaceable(PSCmdlet cmdlet, string file, bool force, bool noClobber, bool keepsReadOnly)
        {
            var existing = new FileInfo(file);
            if (!existing.Exists)
            {
                return false;
            }

            if (noClobber)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new IOException($"The file '{file}' already exists and -NoClobber was given. Choose another path, or leave out -NoClobber to replace it."),
                    ErrorIds.FileExists, ErrorCategory.ResourceExists, file));
            }

            if (existing.IsReadOnly && !force)
            {
                string afterwards = keepsReadOnly ? " (it stays read-only)." : ".";
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new UnauthorizedAccessException($"The file '{file}' is read-only. Use -Force to replace it anyway{afterwards}"),
                    ErrorIds.FileReadOnly, ErrorCategory.PermissionDenied, file));
            }

            return existing.IsReadOnly;
        }
    }
}
