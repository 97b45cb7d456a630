#if NETSTANDARD2_0
using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace MakemorePS.Hosting
{
    /// <summary>
    /// Lets Windows PowerShell 5.1 find the dependencies shipped beside the module (System.Memory, System.Text.Json, ...).
    /// </summary>
    /// <remarks>
    /// .NET Framework binds strongly named assemblies by exact version and powershell.exe.config has no binding
    /// redirects for these packages, so a request for, say, System.Runtime.CompilerServices.Unsafe 4.0.4.1 made by
    /// System.Memory fails even though a newer file sits in the same folder. Resolving by simple name from this
    /// assembly's own folder plays the part of those redirects.
    /// </remarks>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

        /// <summary>Starts resolving the module's dependencies; PowerShell calls this when it imports the module.</summary>
        public void OnImport()
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleDirectory;
        }

        /// <summary>Stops resolving; PowerShell calls this when the module is removed.</summary>
        /// <param name="psModuleInfo">The module being removed.</param>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleDirectory;
        }

        private static Assembly? ResolveFromModuleDirectory(object? sender, ResolveEventArgs args)
        {
            string? simpleName = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(simpleName) || ModuleDirectory.Length == 0)
            {
                return null;
            }

            // Only the files this module ships: anything else is not ours to answer for.
            string candidate = Path.Combine(ModuleDirectory, simpleName + ".dll");
            if (!File.Exists(candidate))
            {
                return null;
            }

            foreach (Assembly loaded in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (string.Equals(loaded.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase)
                    && !loaded.IsDynamic
                    && string.Equals(loaded.Location, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return loaded;
                }
            }

            return Assembly.LoadFrom(candidate);
        }
    }
}
#endif
