using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BigGustave;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>
    /// Takes screenshots of files with the Chromium installed on the machine (Debian's `chromium` package), in headless
    /// mode with a fresh profile and no network features, and decodes them with BigGustave.
    /// </summary>
    internal static class HeadlessChromium
    {
        private static readonly string[] ExecutableNames = { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" };
        private static readonly string[] KnownLocations = { "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium" };

        /// <summary>The browser's path; fails the test with instructions when there is none.</summary>
        public static string FindExecutable()
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
            if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
            {
                return fromEnvironment!;
            }

            string[] folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            string? found = ExecutableNames.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists)
                ?? KnownLocations.FirstOrDefault(File.Exists);
            Assert.True(
                found != null,
                "Chromium was not found (looked for " + string.Join(", ", ExecutableNames) + " on PATH and in " + string.Join(", ", KnownLocations) +
                "). The browser tests need it: install it from the distribution's packages (Debian: sudo apt-get install -y chromium), " +
                "or set CHROMIUM_PATH to a Chromium executable. .ci/run installs it when missing.");
            return found!;
        }

        /// <summary>Loads <paramref name="file"/> in a window of the given size and returns the screenshot.</summary>
        public static Png Screenshot(string file, int width, int height)
        {
            string executable = FindExecutable();
            string folder = Path.Combine(Path.GetTempPath(), "makemoreps-chromium-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string png = Path.Combine(folder, "screenshot.png");
                var start = new ProcessStartInfo(executable)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (string argument in new[]
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                    "--user-data-dir=" + Path.Combine(folder, "profile"), "--screenshot=" + png, $"--window-size={width},{height}",
                    new Uri(Path.GetFullPath(file)).AbsoluteUri,
                })
                {
                    start.ArgumentList.Add(argument);
                }

                using Process process = Process.Start(start)!;
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(120_000))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"Chromium did not finish the screenshot of {file} within 2 minutes.");
                }

                Assert.True(File.Exists(png), $"Chromium ({executable}) exited with {process.ExitCode} without writing a screenshot of {file}:\n{errors.Result}\n{output.Result}");
                using FileStream stream = File.OpenRead(png);
                return Png.Open(stream);
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
