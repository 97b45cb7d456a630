using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;

namespace MakemorePS.Common
{
    /// <summary>Turns the -Path and -LiteralPath arguments cmdlets receive into file-system paths.</summary>
    internal static class ProviderPaths
    {
        private const string FileSystemProviderName = "FileSystem";

        /// <summary>
        /// The files one -Path (wildcards allowed) or -LiteralPath argument names. A path that names nothing, a directory
        /// or an item of another provider gets a non-terminating error and contributes no file.
        /// </summary>
        internal static IReadOnlyList<string> ResolveInputFiles(PSCmdlet cmdlet, string path, bool literal)
        {
            var files = new List<string>();
            try
            {
                if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
                {
                    // Without wildcards, -Path still honours backtick escapes ('a`[1`].txt' names 'a[1].txt'), as Get-Content does.
                    string providerPath = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(literal ? path : WildcardPattern.Unescape(path), out ProviderInfo provider, out _);
                    if (!IsFileSystem(cmdlet, provider, path))
                    {
                        return files;
                    }

                    if (Directory.Exists(providerPath))
                    {
                        cmdlet.WriteError(ErrorRecords.Create(
                            new IOException($"'{path}' is a directory, not a file. Name a file, or use a wildcard such as '{Path.Combine(path, "*.txt")}'."),
                            ErrorIds.PathIsDirectory, ErrorCategory.InvalidArgument, path));
                    }
                    else if (!File.Exists(providerPath))
                    {
                        WritePathNotFound(cmdlet, path);
                    }
                    else
                    {
                        files.Add(providerPath);
                    }

                    return files;
                }

                Collection<string> resolved = cmdlet.GetResolvedProviderPathFromPSPath(path, out ProviderInfo wildcardProvider);
                if (!IsFileSystem(cmdlet, wildcardProvider, path))
                {
                    return files;
                }

                // A wildcard may match directories too; only the files it matches are inputs.
                foreach (string match in resolved)
                {
                    if (File.Exists(match))
                    {
                        files.Add(match);
                    }
                }

                if (files.Count == 0)
                {
                    WritePathNotFound(cmdlet, path);
                }
            }
            catch (SessionStateException)
            {
                // ItemNotFound, DriveNotFound and ProviderNotFound all mean the same thing to the user here.
                WritePathNotFound(cmdlet, path);
            }

            return files;
        }

        /// <summary>
        /// The file-system path of an output file. -Path may hold a wildcard that matches exactly one existing item;
        /// otherwise the path is taken as written. Its folder must exist. Problems terminate the command.
        /// </summary>
        internal static string ResolveOutputFile(PSCmdlet cmdlet, string path, bool literal)
        {
            string providerPath;
            ProviderInfo provider;
            try
            {
                if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
                {
                    Collection<string> resolved = cmdlet.GetResolvedProviderPathFromPSPath(path, out provider);
                    if (resolved.Count != 1)
                    {
                        cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                            new IOException($"The path '{path}' matches {resolved.Count} items, but a model is written to exactly one file. Give a path without wildcards, or use -LiteralPath if the name really contains '*', '?' or '['."),
                            ErrorIds.AmbiguousPath, ErrorCategory.InvalidArgument, path));
                    }

                    providerPath = resolved[0];
                }
                else
                {
                    providerPath = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(literal ? path : WildcardPattern.Unescape(path), out provider, out _);
                }
            }
            catch (SessionStateException exception)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new IOException($"Cannot write to '{path}': {exception.Message} Check the drive and the folder.", exception),
                    ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
                throw; // ThrowTerminatingError never returns.
            }

            if (!string.Equals(provider.Name, FileSystemProviderName, System.StringComparison.OrdinalIgnoreCase))
            {
                cmdlet.ThrowTerminatingError(NotFileSystemError(path, provider));
            }

            if (Directory.Exists(providerPath))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new IOException($"'{path}' is a directory. Give the path of the file to write, for example '{Path.Combine(path, "model.json")}'."),
                    ErrorIds.PathIsDirectory, ErrorCategory.InvalidArgument, path));
            }

            string? directory = Path.GetDirectoryName(providerPath);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new DirectoryNotFoundException($"Cannot write '{path}': the folder '{directory}' does not exist. Create it first (New-Item -ItemType Directory), or choose another path."),
                    ErrorIds.DirectoryNotFound, ErrorCategory.ObjectNotFound, path));
            }

            return providerPath;
        }

        /// <summary>
        /// The file as Get-Item returns it: a FileInfo decorated with PSPath, PSParentPath, PSDrive and PSProvider, so
        /// it pipes to Remove-Item, Import-BigramModel and any cmdlet that binds -LiteralPath by property name.
        /// </summary>
        internal static PSObject GetItem(PSCmdlet cmdlet, string file)
        {
            Collection<PSObject> items = cmdlet.InvokeProvider.Item.Get(new[] { file }, true, true);
            return items.Count == 1 ? items[0] : PSObject.AsPSObject(new FileInfo(file));
        }

        private static bool IsFileSystem(PSCmdlet cmdlet, ProviderInfo provider, string path)
        {
            if (string.Equals(provider.Name, FileSystemProviderName, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            cmdlet.WriteError(NotFileSystemError(path, provider));
            return false;
        }

        private static ErrorRecord NotFileSystemError(string path, ProviderInfo provider) => ErrorRecords.Create(
            new IOException($"'{path}' is a {provider.Name} provider path; MakemorePS reads and writes files only. Give a file-system path."),
            ErrorIds.NotFileSystemPath, ErrorCategory.InvalidArgument, path);

        private static void WritePathNotFound(PSCmdlet cmdlet, string path) => cmdlet.WriteError(ErrorRecords.Create(
            new FileNotFoundException($"Cannot find the file '{path}'. Check the path; with -Path, wildcards must match at least one file.", path),
            ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
    }
}
