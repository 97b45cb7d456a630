using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MakemorePS.Module.Tests
{
    /// <summary>One parameter set a cmdlet parameter belongs to, as its [Parameter] attribute declares it.</summary>
    internal sealed record ParameterSetMembership(
        string Name,
        int? Position,
        bool IsRequired,
        bool ValueFromPipeline,
        bool ValueFromPipelineByPropertyName,
        bool ValueFromRemainingArguments,
        bool DontShow);

    /// <summary>A cmdlet parameter as the compiled code declares it.</summary>
    internal sealed record CmdletParameter(
        string Name,
        string TypeName,
        IReadOnlyList<string> Aliases,
        bool SupportsWildcards,
        IReadOnlyList<string> AcceptedValues,
        IReadOnlyList<ParameterSetMembership> Sets);

    /// <summary>A class in the cmdlet assembly that derives from Cmdlet, with what its attributes say.</summary>
    internal sealed record CmdletClass(
        string ClassName,
        string? Namespace,
        string? Verb,
        string? Noun,
        bool IsPublic,
        bool IsSealed,
        bool IsAbstract,
        bool DerivesFromPSCmdlet,
        bool SupportsShouldProcess,
        string? DefaultParameterSetName,
        IReadOnlyList<string> OutputTypeNames,
        IReadOnlyList<CmdletParameter> Parameters)
    {
        /// <summary>Verb-Noun, or null for a class without a [Cmdlet] attribute.</summary>
        public string? CommandName => Verb is null || Noun is null ? null : Verb + "-" + Noun;
    }

    /// <summary>
    /// Reads the built cmdlet assembly with MetadataLoadContext: the types are inspected as metadata and never run,
    /// so no PowerShell is needed and System.Management.Automation comes from PowerShellStandard's reference assembly.
    /// </summary>
    internal static class CmdletCatalog
    {
        public const string AllParameterSets = "__AllParameterSets";

        private const string Automation = "System.Management.Automation.";

        private static readonly Lazy<IReadOnlyList<CmdletClass>> LazyClasses = new Lazy<IReadOnlyList<CmdletClass>>(Load);

        private static readonly Lazy<IReadOnlyList<string>> LazyCoreReferences = new Lazy<IReadOnlyList<string>>(LoadCoreReferences);

        /// <summary>Every class with a [Cmdlet] attribute and every non-abstract class deriving from Cmdlet.</summary>
        public static IReadOnlyList<CmdletClass> Classes => LazyClasses.Value;

        /// <summary>The cmdlets: classes that carry a [Cmdlet] attribute.</summary>
        public static IReadOnlyList<CmdletClass> Cmdlets => Classes.Where(c => c.CommandName != null).ToList();

        /// <summary>The names of the assemblies the built core assembly references.</summary>
        public static IReadOnlyList<string> CoreAssemblyReferences => LazyCoreReferences.Value;

        private static IReadOnlyList<string> LoadCoreReferences()
        {
            using MetadataLoadContext context = CreateContext();
            Assembly core = context.LoadFromAssemblyPath(RepositoryLayout.CoreAssemblyPath);
            return core.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        }

        /// <summary>The verbs PowerShell approves (what Get-Verb lists), read from the Verbs* classes of System.Management.Automation.</summary>
        public static IReadOnlySet<string> ReadApprovedVerbs()
        {
            var paths = new List<string>(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")) { AutomationReferencePath() };
            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            Assembly automation = context.LoadFromAssemblyPath(AutomationReferencePath());
            var verbs = new HashSet<string>(StringComparer.Ordinal);
            foreach (Type type in automation.GetExportedTypes().Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal)))
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                {
                    if (field.GetRawConstantValue() is string verb)
                    {
                        verbs.Add(verb);
                    }
                }
            }

            return verbs;
        }

        private static string AutomationReferencePath()
        {
            string automationReference = Path.Combine(AppContext.BaseDirectory, "PowerShellReference", "System.Management.Automation.dll");
            if (!File.Exists(automationReference))
            {
                throw new FileNotFoundException("PowerShellStandard's System.Management.Automation.dll was not copied beside the tests.", automationReference);
            }

            return automationReference;
        }

        private static MetadataLoadContext CreateContext()
        {
            string cmdletAssembly = RepositoryLayout.CmdletAssemblyPath;
            if (!File.Exists(cmdletAssembly))
            {
                throw new FileNotFoundException(
                    $"The cmdlet assembly {cmdletAssembly} is missing: build src/MakemorePS (dotnet build MakemorePS.sln) in the same configuration as these tests.",
                    cmdletAssembly);
            }

            string automationReference = AutomationReferencePath();

            // Runtime assemblies first, then the module's own folder (the core and its dependencies), then PowerShell.
            var paths = new List<string>();
            paths.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
            paths.AddRange(Directory.GetFiles(RepositoryLayout.ModuleLibDirectory, "*.dll")
                .Where(p => !string.Equals(Path.GetFileName(p), "System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase)));
            paths.Add(automationReference);
            return new MetadataLoadContext(new PathAssemblyResolver(paths));
        }

        private static IReadOnlyList<CmdletClass> Load()
        {
            using MetadataLoadContext context = CreateContext();
            Assembly assembly = context.LoadFromAssemblyPath(RepositoryLayout.CmdletAssemblyPath);
            var classes = new List<CmdletClass>();
            foreach (Type type in assembly.GetTypes())
            {
                bool hasCmdletAttribute = FindAttribute(type.GetCustomAttributesData(), Automation + "CmdletAttribute") != null;
                if (type.IsClass && (hasCmdletAttribute || (!type.IsAbstract && DerivesFrom(type, Automation + "Cmdlet"))))
                {
                    classes.Add(Describe(type));
                }
            }

            return classes.OrderBy(c => c.ClassName, StringComparer.Ordinal).ToList();
        }

        private static CmdletClass Describe(Type type)
        {
            CustomAttributeData? cmdlet = FindAttribute(type.GetCustomAttributesData(), Automation + "CmdletAttribute");
            string? verb = cmdlet?.ConstructorArguments.Count >= 2 ? cmdlet.ConstructorArguments[0].Value as string : null;
            string? noun = cmdlet?.ConstructorArguments.Count >= 2 ? cmdlet.ConstructorArguments[1].Value as string : null;
            bool supportsShouldProcess = cmdlet != null && NamedValue(cmdlet, "SupportsShouldProcess") is true;

            var outputTypes = new List<string>();
            foreach (CustomAttributeData outputType in type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Automation + "OutputTypeAttribute"))
            {
                foreach (object? value in Flatten(outputType.ConstructorArguments))
                {
                    string? name = value is Type t ? t.FullName : value as string;
                    if (name != null && !outputTypes.Contains(name))
                    {
                        outputTypes.Add(name);
                    }
                }
            }

            return new CmdletClass(
                type.Name,
                type.Namespace,
                verb,
                noun,
                type.IsPublic,
                type.IsSealed,
                type.IsAbstract,
                DerivesFrom(type, Automation + "PSCmdlet"),
                supportsShouldProcess,
                cmdlet == null ? null : NamedValue(cmdlet, "DefaultParameterSetName") as string,
                outputTypes,
                DescribeParameters(type));
        }

        private static IReadOnlyList<CmdletParameter> DescribeParameters(Type type)
        {
            var parameters = new List<CmdletParameter>();
            const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.FlattenHierarchy;
            var members = new List<(MemberInfo Member, Type Type)>();
            members.AddRange(type.GetProperties(Members).Select(p => ((MemberInfo)p, p.PropertyType)));
            members.AddRange(type.GetFields(Members).Select(f => ((MemberInfo)f, f.FieldType)));
            foreach ((MemberInfo member, Type memberType) in members)
            {
                IList<CustomAttributeData> attributes = member.GetCustomAttributesData();
                List<CustomAttributeData> parameterAttributes = attributes.Where(a => a.AttributeType.FullName == Automation + "ParameterAttribute").ToList();
                if (parameterAttributes.Count == 0)
                {
                    continue;
                }

                var sets = parameterAttributes.Select(a =>
                {
                    int position = NamedValue(a, "Position") is int p ? p : int.MinValue;
                    return new ParameterSetMembership(
                        NamedValue(a, "ParameterSetName") as string ?? AllParameterSets,
                        position == int.MinValue ? null : position,
                        NamedValue(a, "Mandatory") is true,
                        NamedValue(a, "ValueFromPipeline") is true,
                        NamedValue(a, "ValueFromPipelineByPropertyName") is true,
                        NamedValue(a, "ValueFromRemainingArguments") is true,
                        NamedValue(a, "DontShow") is true);
                }).ToList();

                var aliases = attributes.Where(a => a.AttributeType.FullName == Automation + "AliasAttribute")
                    .SelectMany(a => Flatten(a.ConstructorArguments)).OfType<string>().ToList();
                var accepted = attributes.Where(a => a.AttributeType.FullName == Automation + "ValidateSetAttribute")
                    .SelectMany(a => Flatten(a.ConstructorArguments)).OfType<string>().ToList();
                Type elementType = memberType.IsArray ? memberType.GetElementType()! : memberType;
                if (accepted.Count == 0 && elementType.IsEnum)
                {
                    accepted = elementType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList();
                }

                bool wildcards = attributes.Any(a => a.AttributeType.FullName == Automation + "SupportsWildcardsAttribute");
                parameters.Add(new CmdletParameter(member.Name, memberType.FullName ?? memberType.Name, aliases, wildcards, accepted, sets));
            }

            return parameters.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        }

        private static bool DerivesFrom(Type type, string baseFullName)
        {
            for (Type? current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.FullName == baseFullName)
                {
                    return true;
                }
            }

            return false;
        }

        private static CustomAttributeData? FindAttribute(IEnumerable<CustomAttributeData> attributes, string fullName) =>
            attributes.FirstOrDefault(a => a.AttributeType.FullName == fullName);

        private static object? NamedValue(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

        // A params array arrives as one argument holding a collection of typed arguments.
        private static IEnumerable<object?> Flatten(IEnumerable<CustomAttributeTypedArgument> arguments)
        {
            foreach (CustomAttributeTypedArgument argument in arguments)
            {
                if (argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items)
                {
                    foreach (CustomAttributeTypedArgument item in items)
                    {
                        yield return item.Value;
                    }
                }
                else
                {
                    yield return argument.Value;
                }
            }
        }
    }
}
