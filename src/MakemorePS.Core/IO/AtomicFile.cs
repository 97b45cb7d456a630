using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace MakemorePS.Core
{
    /// <summary>
    /// Writes a file all at once or not at all: the content goes to a temporary file in the same directory, is flushed
    /// to disk, and then replaces the target by rename. A failed or interrupted write leaves any existing file as it was.
    /// </summary>
    /// <remarks>
    /// The replacement keeps what a user set on the target: a symbolic link is followed and the file it points to is
    /// replaced (the link stays a link), and on Unix the new file gets the old file's permission bits, so a private
    /// (0600) file stays private. The rename gives the file a new inode, so hard links to the old file keep the old
    /// content: that is the price of never leaving a half-written file.
    /// </remarks>
    public static class AtomicFile
    {
        private static int s_sequence;

        /// <summary>Writes <paramref name="path"/> atomically with whatever <paramref name="write"/> puts in the stream.</summary>
        /// <param name="path">The target file; its directory must exist. An existing file is replaced.</param>
        /// <param name="write">Writes the whole content. If it throws, the target is untouched and the temporary file removed.</param>
        /// <exception cref="UnauthorizedAccessException">The target or its directory cannot be written (for example, a read-only file on Windows).</exception>
        public static void Write(string path, Action<Stream> write)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            if (write is null)
            {
                throw new ArgumentNullException(nameof(write));
            }

            string target = FollowLinks(Path.GetFullPath(path));
            string directory = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
            string fileName = Path.GetFileName(target);
            if (fileName.Length == 0)
            {
                throw new ArgumentException($"'{path}' names a directory, not a file.", nameof(path));
            }

            string temporary = CreateTemporaryFile(directory, fileName, out FileStream stream);
            try
            {
                using (stream)
                {
                    CopyPermissions(target, temporary);
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                Replace(temporary, target);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        private static string FollowLinks(string path)
        {
#if NET
            var info = new FileInfo(path);
            if (info.Exists && info.LinkTarget != null)
            {
                return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            }
#endif
            return path;
        }

        private static void CopyPermissions(string target, string temporary)
        {
#if NET
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }
#endif
        }

        private static string CreateTemporaryFile(string directory, string fileName, out FileStream stream)
        {
            int processId = CurrentProcessId();
            for (int attempt = 0; ; attempt++)
            {
                // Hidden on Unix, unique per process and call; CreateNew guards against leftovers of a crashed run.
                string candidate = Path.Combine(directory, string.Format(CultureInfo.InvariantCulture, ".{0}.{1}-{2}.tmp", fileName, processId, Interlocked.Increment(ref s_sequence)));
                try
                {
                    stream = new FileStream(candidate, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    return candidate;
                }
                catch (IOException) when (attempt < 100 && File.Exists(candidate))
                {
                }
            }
        }

        private static void Replace(string temporary, string target)
        {
#if NET
            File.Move(temporary, target, overwrite: true);
#else
            if (File.Exists(target))
            {
                File.Replace(temporary, target, destinationBackupFileName: null);
                return;
            }

            try
            {
                File.Move(temporary, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Someone created the target meanwhile: replace it instead.
                File.Replace(temporary, target, destinationBackupFileName: null);
            }
#endif
        }

        private static void TryDelete(string file)
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static int CurrentProcessId()
        {
#if NET
            return Environment.ProcessId;
#else
            using (var process = System.Diagnostics.Process.GetCurrentProcess())
            {
                return process.Id;
            }
#endif
        }
    }
}
