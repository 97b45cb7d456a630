using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Common
{
    /// <summary>
    /// Turns what reaches a -Name parameter into names: strings as they are, and for any other object its Name
    /// property (or the Name key of a dictionary). Anything else is refused, so a Hashtable, a date or $true is never
    /// stringified into a junk name: PowerShell then reports that pipeline object alone and goes on with the next.
    /// </summary>
    /// <remarks>
    /// Files (FileSystemInfo) are passed through untransformed, so they fail to bind here and bind by property name to
    /// -LiteralPath (through PSPath). Models are refused as an invalid cast, which PowerShell takes as "try the other
    /// parameters": a -Model that takes the model binds it, and where none does, the object is reported as not bound
    /// instead of its text being coerced into a name.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class NameInputTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The property (or dictionary key) a name is read from.</summary>
        internal const string NameProperty = "Name";

        /// <summary>Whether the cmdlet also reads files of names (-Path, -LiteralPath), so the refusal can point to them.</summary>
        public bool ReadsFiles { get; set; } = true;

        /// <inheritdoc/>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = Unwrap(inputData);
            switch (value)
            {
                case null:
                case string _:
                case string[] _:
                case FileSystemInfo _:
                    return value;
                case ILanguageModel model:
                    throw new ArgumentTransformationMetadataException(
                        $"The {model.KindName} model '{model}' is not a name.", new PSInvalidCastException($"A {model.GetType().Name} is not a name."));
                case IList list:
                    var names = new List<string?>(list.Count);
                    foreach (object? item in list)
                    {
                        names.Add(ToName(item));
                    }

                    return names.ToArray();
                default:
                    return ToName(inputData);
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        private string? ToName(object? item)
        {
            object? value = Unwrap(item);
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return text;
                case IDictionary dictionary:
                    if (dictionary.Contains(NameProperty))
                    {
                        return StringOrRefuse(dictionary[NameProperty], item);
                    }

                    break;
                default:
                    PSPropertyInfo? property = PSObject.AsPSObject(item!).Properties[NameProperty];
                    if (property != null && !(value is FileSystemInfo))
                    {
                        return StringOrRefuse(property.Value, item);
                    }

                    break;
            }

            throw Refuse(item);
        }

        private string? StringOrRefuse(object? name, object? owner) => Unwrap(name) switch
        {
            null => null,
            string text => text,
            _ => throw Refuse(owner),
        };

        private ArgumentTransformationMetadataException Refuse(object? item)
        {
            object value = Unwrap(item) ?? string.Empty;
            string what = value is PSCustomObject ? "An object without a Name property" : $"The {value.GetType().Name} '{value}'";
            string files = ReadsFiles ? "or files through -Path or the pipeline" : "or the lines of a file (Get-Content names.txt)";
            return new ArgumentTransformationMetadataException(
                $"{what} is not a name. Give strings, or objects with a Name property (Import-Csv rows with a Name column, Select-Object -Property Name), {files}.");
        }
    }
}
