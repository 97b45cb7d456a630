using System;
using System.Collections.Generic;

namespace MakemorePS.Core.Models
{
    /// <summary>
    /// The training names a model keeps: distinct (ordinal), in first-seen order, with a set for lookups that is built
    /// on the first one (sampling with -ExcludeTrainingNames) rather than for every model.
    /// </summary>
    internal sealed class TrainingNameList
    {
        private readonly string[] _names;
        private HashSet<string>? _set;

        /// <summary>Keeps the first of each name; null names, and no names at all, are left out.</summary>
        internal TrainingNameList(IEnumerable<string>? names)
        {
            _names = Distinct(names);
        }

        /// <summary>The names, in first-seen order.</summary>
        internal IReadOnlyList<string> Names => _names;

        /// <summary>How many distinct names there are.</summary>
        internal int Count => _names.Length;

        /// <summary>Whether <paramref name="name"/> is one of the names (ordinal comparison).</summary>
        internal bool Contains(string name)
        {
            // Two threads may both build the set; each builds the same one, so the race is harmless.
            HashSet<string> set = _set ??= new HashSet<string>(_names, StringComparer.Ordinal);
            return set.Contains(name);
        }

        private static string[] Distinct(IEnumerable<string>? names)
        {
            if (names is null)
            {
                return Array.Empty<string>();
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<string>();
            foreach (string name in names)
            {
                if (name != null && seen.Add(name))
                {
                    list.Add(name);
                }
            }

            return list.ToArray();
        }
    }
}
