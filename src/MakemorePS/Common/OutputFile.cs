using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace MakemorePS.Common
{
    /// <summary>
    /// The protection every file a cmdlet writes gets (models, checkpoints and charts alike), as PowerShell's Out-File,
    /// Set-Content and Export-Csv give theirs: ShouldProcess first, so -WhatIf only says what would be written; then
    /// -NoClobber refuses an existing file and a read-only file is replaced only with -Force, and stays read-only
    /// (<see cref="Prepare"/>, <see cref="Write"/>). A command that writes several objects never writes two to the same
    /// file (<see cref="Claim"/>).
    /// </summary>
    internal sealed class OutputFile
    {
        private static readonly StringComparer PathComparer =
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private readonly HashSet<string> _written = new HashSet<string>(PathComparer);

        /// <summary>
        /// Resolves <paramref name="path"/> (a missing folder, a directory or another provider terminates), asks
        /// ShouldProcess, and then checks that the file may be replaced: -NoClobber on an existing file terminates with
        /// FileExists, a read-only file without -Force with FileReadOnly. Returns the file-system path, or null when
        /// ShouldProcess declined (-WhatIf, or No at -Confirm), which is not an error, as with Out-File.
        /// </summary>
        internal static string? Prepare(PSCmdlet cmdlet, string path, bool literal, bool force, bool noClobber, string action)
        {
            string file = ProviderPaths.ResolveOutputFile(cmdlet, path, literal);
            if (!cmdlet.ShouldProcess(file, action))
            {
                return null;
            }

            CheckReplaceable(cmdlet, file, force, noClobber);
            return file;
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
        /// is read-only without -Force.
        /// </summary>
        private static void CheckReplaceable(PSCmdlet cmdlet, string file, bool force, bool noClobber)
        {
            var existing = new FileInfo(file);
            if (!existing.Exists)
            {
                return;
            }

            if (noClobber)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new IOException($"The file '{file}' already exists and -NoClobber was given. Choose another path, or leave out -NoClobber to replace it."),
                    ErrorIds.FileExists, ErrorCategory.ResourceExists, file));
            }

            if (existing.IsReadOnly && !force)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new UnauthorizedAccessException($"The file '{file}' is read-only. Use -Force to replace it anyway (it stays read-only)."),
                    ErrorIds.FileReadOnly, ErrorCategory.PermissionDenied, file));
            }
        }
    }
}
