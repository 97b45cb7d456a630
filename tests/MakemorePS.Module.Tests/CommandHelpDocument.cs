using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using YamlDotNet.Serialization;

namespace MakemorePS.Module.Tests
{
    /// <summary>A heading of the markdown (levels 1–3) and the lines under it up to the next heading of any of those levels.</summary>
    internal sealed record MarkdownHeading(int Level, string Text, IReadOnlyList<string> Lines)
    {
        /// <summary>The body as trimmed text, without its blank edges.</summary>
        public string Body => string.Join("\n", Lines).Trim();
    }

    /// <summary>The YAML block of a parameter, in the PlatyPS 2024-05-01 schema (property names are the YAML keys).</summary>
    internal sealed class ParameterYaml
    {
        public string? Type { get; set; }

        public string? DefaultValue { get; set; }

        public bool SupportsWildcards { get; set; }

        public List<string> Aliases { get; set; } = new List<string>();

        public List<ParameterSetYaml> ParameterSets { get; set; } = new List<ParameterSetYaml>();

        public bool DontShow { get; set; }

        public List<string> AcceptedValues { get; set; } = new List<string>();

        public string? HelpMessage { get; set; }
    }

    /// <summary>One entry of a parameter's ParameterSets list.</summary>
    internal sealed class ParameterSetYaml
    {
        public string? Name { get; set; }

        public string? Position { get; set; }

        public bool IsRequired { get; set; }

        public bool ValueFromPipeline { get; set; }

        public bool ValueFromPipelineByPropertyName { get; set; }

        public bool ValueFromRemainingArguments { get; set; }
    }

    /// <summary>One `### -Name` section under `## PARAMETERS`.</summary>
    internal sealed record ParameterHelp(string Name, string Description, ParameterYaml? Yaml, string? YamlError);

    /// <summary>
    /// A PlatyPS v2 markdown help file (Microsoft.PowerShell.PlatyPS 1.0, schema 2024-05-01), parsed just enough to
    /// compare it with the code: front matter, title, the `##` sections and their `###` subsections.
    /// </summary>
    internal sealed class CommandHelpDocument
    {
        private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

        private CommandHelpDocument(string path, IReadOnlyDictionary<string, string> frontMatter, IReadOnlyList<MarkdownHeading> headings)
        {
            Path = path;
            FrontMatter = frontMatter;
            Headings = headings;
        }

        public string Path { get; }

        public string FileName => System.IO.Path.GetFileName(Path);

        public IReadOnlyDictionary<string, string> FrontMatter { get; }

        public IReadOnlyList<MarkdownHeading> Headings { get; }

        public string? DocumentType => FrontMatter.TryGetValue("document type", out string? value) ? value : null;

        public string? Title => FrontMatter.TryGetValue("title", out string? value) ? value : null;

        public string? Heading1 => Headings.Where(h => h.Level == 1).Select(h => h.Text).FirstOrDefault();

        /// <summary>The `##` section names in document order.</summary>
        public IReadOnlyList<string> SectionNames => Headings.Where(h => h.Level == 2).Select(h => h.Text).ToList();

        public string Synopsis => Section("SYNOPSIS")?.Body ?? string.Empty;

        public string Description => Section("DESCRIPTION")?.Body ?? string.Empty;

        public IReadOnlyList<MarkdownHeading> Examples => Subsections("EXAMPLES");

        public IReadOnlyList<string> InputTypes => Subsections("INPUTS").Select(h => h.Text).ToList();

        public IReadOnlyList<string> OutputTypes => Subsections("OUTPUTS").Select(h => h.Text).ToList();

        /// <summary>The documented parameters: `### -Name` under `## PARAMETERS` (CommonParameters excluded).</summary>
        public IReadOnlyList<ParameterHelp> Parameters => Subsections("PARAMETERS")
            .Where(h => h.Text.StartsWith("-", StringComparison.Ordinal))
            .Select(ParseParameter)
            .ToList();

        public bool MentionsCommonParameters => Subsections("PARAMETERS").Any(h => h.Text == "CommonParameters");

        public static CommandHelpDocument Load(string path)
        {
            string[] lines = File.ReadAllLines(path, Encoding.UTF8);
            var frontMatter = new Dictionary<string, string>(StringComparer.Ordinal);
            int start = 0;
            if (lines.Length > 0 && lines[0].Trim() == "---")
            {
                int end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
                if (end < 0)
                {
                    throw new FormatException($"{path}: the front matter that starts on line 1 is never closed by '---'.");
                }

                string yaml = string.Join("\n", lines, 1, end - 1);
                Dictionary<string, object?> values = Yaml.Deserialize<Dictionary<string, object?>>(yaml) ?? new Dictionary<string, object?>();
                foreach (KeyValuePair<string, object?> pair in values)
                {
                    frontMatter[pair.Key] = pair.Value?.ToString() ?? string.Empty;
                }

                start = end + 1;
            }

            return new CommandHelpDocument(path, frontMatter, SplitHeadings(lines, start));
        }

        public MarkdownHeading? Section(string name) =>
            Headings.FirstOrDefault(h => h.Level == 2 && string.Equals(h.Text, name, StringComparison.Ordinal));

        /// <summary>The `###` headings that follow `## name` up to the next `##`.</summary>
        public IReadOnlyList<MarkdownHeading> Subsections(string name)
        {
            var result = new List<MarkdownHeading>();
            bool inside = false;
            foreach (MarkdownHeading heading in Headings)
            {
                if (heading.Level <= 2)
                {
                    inside = heading.Level == 2 && heading.Text == name;
                }
                else if (inside)
                {
                    result.Add(heading);
                }
            }

            return result;
        }

        /// <summary>Fenced code blocks of a heading's body: (info string, code).</summary>
        public static IReadOnlyList<(string Info, string Code)> CodeBlocks(MarkdownHeading heading)
        {
            var blocks = new List<(string, string)>();
            string? info = null;
            var code = new StringBuilder();
            foreach (string line in heading.Lines)
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    if (info == null)
                    {
                        info = line.Trim().Substring(3).Trim();
                        code.Clear();
                    }
                    else
                    {
                        blocks.Add((info, code.ToString()));
                        info = null;
                    }
                }
                else if (info != null)
                {
                    code.Append(line).Append('\n');
                }
            }

            return blocks;
        }

        private static IReadOnlyList<MarkdownHeading> SplitHeadings(string[] lines, int start)
        {
            var headings = new List<MarkdownHeading>();
            int level = 0;
            string text = string.Empty;
            var body = new List<string>();
            bool inFence = false;
            for (int i = start; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }

                int headingLevel = inFence ? 0 : HeadingLevel(line);
                if (headingLevel is >= 1 and <= 3)
                {
                    if (level > 0)
                    {
                        headings.Add(new MarkdownHeading(level, text, body.ToArray()));
                    }

                    level = headingLevel;
                    text = line.Substring(headingLevel + 1).Trim();
                    body.Clear();
                }
                else if (level > 0)
                {
                    body.Add(line);
                }
            }

            if (level > 0)
            {
                headings.Add(new MarkdownHeading(level, text, body.ToArray()));
            }

            return headings;
        }

        private static int HeadingLevel(string line)
        {
            int hashes = 0;
            while (hashes < line.Length && line[hashes] == '#')
            {
                hashes++;
            }

            return hashes > 0 && hashes < line.Length && line[hashes] == ' ' ? hashes : 0;
        }

        private static ParameterHelp ParseParameter(MarkdownHeading heading)
        {
            string name = heading.Text.Substring(1).Trim();
            int fence = heading.Lines.ToList().FindIndex(l => l.Trim() == "```yaml");
            string description = string.Join("\n", fence < 0 ? heading.Lines : heading.Lines.Take(fence)).Trim();
            (string Info, string Code) block = CodeBlocks(heading).FirstOrDefault(b => b.Info == "yaml");
            if (block.Code == null)
            {
                return new ParameterHelp(name, description, null, "no ```yaml block");
            }

            try
            {
                return new ParameterHelp(name, description, Yaml.Deserialize<ParameterYaml>(block.Code), null);
            }
            catch (YamlDotNet.Core.YamlException exception)
            {
                return new ParameterHelp(name, description, null, exception.Message);
            }
        }
    }
}
