using System;
using System.IO;
using System.Management.Automation;

namespace MakemorePS.Common
{
    /// <summary>What the export cmdlets check before they replace a file: -NoClobber, and -Force for a read-only file.</summary>
    internal static class OutputFiles
    {
        /// <summary>
        /// Makes <paramref name="file"/> ready to be replaced: an existing file stops the command with FileExists under
        /// -NoClobber, and a read-only one with FileReadOnly unless -Force, which clears the attribute.
        /// </summary>
        internal static void PrepareToReplace(PSCmdlet cmdlet, string file, bool noClobber, bool force)
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

            if (existing.IsReadOnly)
            {
                if (!force)
                {
                    cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                        new UnauthorizedAccessException($"The file '{file}' is read-only. Use -Force to replace it anyway."),
                        ErrorIds.FileReadOnly, ErrorCategory.PermissionDenied, file));
                }

                existing.IsReadOnly = false;
            }
        }
    }
}
