<#
    Compiles the PlatyPS markdown in docs/ into the help Get-Help reads, without PlatyPS:
    - ConvertTo-MamlHelp: the cmdlet files (PlatyPS 2024-05-01 schema) into one MAML file, with the markdown turned
      into plain text (no ``` fences, **bold**, `code` or [links]), examples split into code and remarks, and each
      parameter's DefaultValue as its default value.
    - ConvertTo-AboutHelpText: an about_ topic into the plain text Get-Help prints (no YAML front matter).
    The conventions tests (tests/MakemorePS.Module.Tests/CompiledHelpTests.cs) apply the same rules to check the
    committed output.
#>
Set-StrictMode -Version Latest

$script:MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$script:CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'

function ConvertTo-PlainText {
    # Inline markdown to plain text: **bold** and `code` lose their marks, [text](target) keeps its text.
    param([AllowEmptyString()] [string] $Text)
    $plain = $Text -replace '\*\*', '' -replace '`', ''
    [regex]::Replace($plain, '\[([^\]]*)\]\([^)]*\)', '$1')
}

function ConvertTo-PlainParagraph {
    # Markdown lines to paragraphs: prose lines are joined, each list item starts a paragraph, and a fenced block
    # becomes one paragraph of its lines, without the fences (Get-Help indents every paragraph itself).
    param([AllowEmptyCollection()] [string[]] $Line)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $code = $null
    $flush = {
        if ($current.Count -gt 0) { $paragraphs.Add((ConvertTo-PlainText -Text ($current -join ' '))); $current.Clear() }
    }
    foreach ($text in $Line) {
        if ($text -match '^\s*```') {
            if ($null -eq $code) { . $flush; $code = [System.Collections.Generic.List[string]]::new() }
            else { if ($code.Count -gt 0) { $paragraphs.Add(($code -join "`n")) }; $code = $null }
            continue
        }
        if ($null -ne $code) { $code.Add($text); continue }
        if ($text.Trim().Length -eq 0) { . $flush; continue }
        if ($text -match '^\s*([-*]|\d+\.)\s') { . $flush }
        $current.Add($text.Trim())
    }
    . $flush
    , $paragraphs.ToArray()
}

function Split-MarkdownSection {
    # The lines under each heading of the given level, keyed by the heading text, in order.
    param([string[]] $Line, [int] $Level)
    $marker = ('#' * $Level) + ' '
    $sections = [System.Collections.Specialized.OrderedDictionary]::new()
    $name = $null
    foreach ($text in $Line) {
        if ($text.StartsWith($marker)) { $name = $text.Substring($marker.Length).Trim(); $sections[$name] = [System.Collections.Generic.List[string]]::new(); continue }
        if ($null -ne $name) { $sections[$name].Add($text) }
    }
    $sections
}

function Get-FencedBlock {
    # The fenced code blocks of some lines: Info (the language) and Code, and the lines outside any block.
    param([string[]] $Line)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $prose = [System.Collections.Generic.List[string]]::new()
    $code = $null; $info = ''
    foreach ($text in $Line) {
        if ($text -match '^\s*```(.*)$') {
            if ($null -eq $code) { $code = [System.Collections.Generic.List[string]]::new(); $info = $Matches[1].Trim() }
            else { $blocks.Add([pscustomobject]@{ Info = $info; Code = ($code -join "`n") }); $code = $null }
            continue
        }
        if ($null -ne $code) { $code.Add($text) } else { $prose.Add($text) }
    }
    [pscustomobject]@{ Blocks = $blocks.ToArray(); Prose = $prose.ToArray() }
}

function ConvertFrom-ParameterYaml {
    # The few keys of a PlatyPS parameter block the MAML needs (the block is simple YAML: scalars and lists).
    param([string] $Yaml)
    $result = @{ Type = ''; DefaultValue = ''; SupportsWildcards = $false; Aliases = @(); ParameterSets = @(); AcceptedValues = @() }
    $set = $null; $list = $null
    foreach ($text in ($Yaml -split "`n")) {
        if ($text -match '^(\w+):\s*(.*)$') {
            $key = $Matches[1]; $value = $Matches[2].Trim()
            $list = $null
            if ($value -match '^\[(.*)\]$') { $result[$key] = @($Matches[1] -split ',' | ForEach-Object { $_.Trim().Trim("'") } | Where-Object { $_ }); continue }
            if ($value -eq '') { $list = $key; if ($key -eq 'ParameterSets') { $result[$key] = @() } else { $result[$key] = @() }; continue }
            $value = $value.Trim("'")
            $result[$key] = if ($value -eq 'true') { $true } elseif ($value -eq 'false') { $false } else { $value }
        }
        elseif ($list -eq 'ParameterSets' -and $text -match '^-\s+(\w+):\s*(.*)$') {
            $set = @{ $Matches[1] = $Matches[2].Trim().Trim("'") }; $result.ParameterSets += $set
        }
        elseif ($list -eq 'ParameterSets' -and $text -match '^\s+(\w+):\s*(.*)$') {
            $set[$Matches[1]] = $Matches[2].Trim().Trim("'")
        }
        elseif ($null -ne $list -and $text -match '^-\s+(.*)$') {
            $result[$list] += $Matches[1].Trim().Trim("'")
        }
    }
    $result
}

function Read-CommandHelpMarkdown {
    param([Parameter(Mandatory)] [string] $Path)
    $lines = [string[]](Get-Content -LiteralPath $Path -Encoding utf8)
    $end = [array]::IndexOf($lines, '---', 1)
    $body = $lines[($end + 1)..($lines.Count - 1)]
    $sections = Split-MarkdownSection -Line $body -Level 2
    $title = ($body | Where-Object { $_ -like '# *' } | Select-Object -First 1).Substring(2).Trim()

    $parameters = foreach ($entry in (Split-MarkdownSection -Line $sections['PARAMETERS'] -Level 3).GetEnumerator()) {
        if ($entry.Key -eq 'CommonParameters') { continue }
        $parts = Get-FencedBlock -Line $entry.Value
        $yaml = ConvertFrom-ParameterYaml -Yaml ($parts.Blocks | Where-Object Info -EQ 'yaml' | Select-Object -First 1).Code
        [pscustomobject]@{ Name = $entry.Key.TrimStart('-'); Description = ConvertTo-PlainParagraph -Line $parts.Prose; Yaml = $yaml }
    }
    $syntax = foreach ($entry in (Split-MarkdownSection -Line $sections['SYNTAX'] -Level 3).GetEnumerator()) {
        [pscustomobject]@{ SetName = ($entry.Key -replace ' \(Default\)$', '') }
    }
    $examples = foreach ($entry in (Split-MarkdownSection -Line $sections['EXAMPLES'] -Level 3).GetEnumerator()) {
        $parts = Get-FencedBlock -Line $entry.Value
        $code = @($parts.Blocks | Where-Object Info -EQ 'powershell' | ForEach-Object Code) -join "`n`n"
        $output = @($parts.Blocks | Where-Object Info -NE 'powershell' | ForEach-Object Code)
        [pscustomobject]@{ Title = $entry.Key; Code = $code; Remarks = @($output) + @(ConvertTo-PlainParagraph -Line $parts.Prose) }
    }
    $typed = {
        param($Section)
        foreach ($entry in (Split-MarkdownSection -Line $sections[$Section] -Level 3).GetEnumerator()) {
            [pscustomobject]@{ Type = $entry.Key; Description = ConvertTo-PlainParagraph -Line $entry.Value }
        }
    }
    $links = foreach ($text in $sections['RELATED LINKS']) {
        if ($text -match '\[([^\]]+)\]\(([^)]*)\)') { [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] } }
    }
    [pscustomobject]@{
        Name        = $title
        Synopsis    = ConvertTo-PlainParagraph -Line $sections['SYNOPSIS']
        Description = ConvertTo-PlainParagraph -Line $sections['DESCRIPTION']
        Syntax      = @($syntax)
        Parameters  = @($parameters)
        Examples    = @($examples)
        Inputs      = @(& $typed 'INPUTS')
        Outputs     = @(& $typed 'OUTPUTS')
        Notes       = ConvertTo-PlainParagraph -Line $sections['NOTES']
        Links       = @($links)
    }
}

function Write-Para {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraph)
    foreach ($text in $Paragraph) { $Writer.WriteElementString('maml', 'para', $script:MamlNamespace, $text) }
}

function Write-Description {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraph)
    $Writer.WriteStartElement('maml', 'description', $script:MamlNamespace)
    Write-Para -Writer $Writer -Paragraph $Paragraph
    $Writer.WriteEndElement()
}

function Get-ShortTypeName {
    param([string] $TypeName)
    $short = ($TypeName -split '\.')[-1]
    if ($short -eq 'SwitchParameter') { return '' }
    $short
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, $Set, [switch] $InSyntax)
    $yaml = $Parameter.Yaml
    $sets = @($yaml.ParameterSets)
    $membership = if ($Set) { $Set } else { $sets[0] }
    $byValue = @($sets | Where-Object { $_.ValueFromPipeline -eq 'true' }).Count -gt 0
    $byName = @($sets | Where-Object { $_.ValueFromPipelineByPropertyName -eq 'true' }).Count -gt 0
    $pipeline = if ($byValue -and $byName) { 'true (ByValue, ByPropertyName)' } elseif ($byValue) { 'true (ByValue)' } elseif ($byName) { 'true (ByPropertyName)' } else { 'false' }
    $position = if ($membership.Position -eq 'Named') { 'named' } else { $membership.Position }
    $aliases = if (@($yaml.Aliases).Count -gt 0) { @($yaml.Aliases) -join ', ' } else { 'none' }
    $Writer.WriteStartElement('command', 'parameter', $script:CommandNamespace)
    $Writer.WriteAttributeString('required', ($membership.IsRequired -eq 'true').ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $yaml.Type.EndsWith('[]').ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', ([bool]$yaml.SupportsWildcards).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.Name)
    Write-Description -Writer $Writer -Paragraph $(if ($InSyntax) { @() } else { $Parameter.Description })
    $short = Get-ShortTypeName -TypeName $yaml.Type
    if ($short) {
        $Writer.WriteStartElement('command', 'parameterValue', $script:CommandNamespace)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', $yaml.Type.EndsWith('[]').ToString().ToLowerInvariant())
        $Writer.WriteString($short)
        $Writer.WriteEndElement()
    }
    if (@($yaml.AcceptedValues).Count -gt 0 -and $InSyntax) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $script:CommandNamespace)
        foreach ($value in $yaml.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $script:CommandNamespace)
            $Writer.WriteAttributeString('required', 'false'); $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value); $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $script:DevNamespace)
    $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $yaml.Type)
    $Writer.WriteEndElement()
    if (-not $InSyntax) {
        $default = if ([string]::IsNullOrEmpty($yaml.DefaultValue)) { 'None' } else { [string]$yaml.DefaultValue }
        $Writer.WriteElementString('dev', 'defaultValue', $script:DevNamespace, $default)
    }
    $Writer.WriteEndElement()
}

function Write-CommandHelp {
    param([System.Xml.XmlWriter] $Writer, $Help)
    $verb, $noun = $Help.Name -split '-', 2
    $Writer.WriteStartElement('command', 'command', $script:CommandNamespace)
    $Writer.WriteStartElement('command', 'details', $script:CommandNamespace)
    $Writer.WriteElementString('command', 'name', $script:CommandNamespace, $Help.Name)
    Write-Description -Writer $Writer -Paragraph $Help.Synopsis
    $Writer.WriteElementString('command', 'verb', $script:CommandNamespace, $verb)
    $Writer.WriteElementString('command', 'noun', $script:CommandNamespace, $noun)
    $Writer.WriteEndElement()
    Write-Description -Writer $Writer -Paragraph $Help.Description

    $Writer.WriteStartElement('command', 'syntax', $script:CommandNamespace)
    foreach ($syntax in $Help.Syntax) {
        $Writer.WriteStartElement('command', 'syntaxItem', $script:CommandNamespace)
        $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $Help.Name)
        $inSet = foreach ($parameter in $Help.Parameters) {
            $set = @($parameter.Yaml.ParameterSets) | Where-Object { $_.Name -eq $syntax.SetName -or $_.Name -eq '(All)' } | Select-Object -First 1
            if ($set) { [pscustomobject]@{ Parameter = $parameter; Set = $set } }
        }
        # Positional parameters first, by position, then required ones, as PowerShell prints a syntax line.
        $ordered = $inSet | Sort-Object -Property @{ Expression = { if ($_.Set.Position -eq 'Named') { [int]::MaxValue } else { [int]$_.Set.Position } } }, @{ Expression = { $_.Set.IsRequired -ne 'true' } }
        foreach ($item in $ordered) { Write-Parameter -Writer $Writer -Parameter $item.Parameter -Set $item.Set -InSyntax }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $script:CommandNamespace)
    foreach ($parameter in $Help.Parameters) { Write-Parameter -Writer $Writer -Parameter $parameter }
    $Writer.WriteEndElement()

    foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; Entries = $Help.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; Entries = $Help.Outputs })) {
        $Writer.WriteStartElement('command', $kind.List, $script:CommandNamespace)
        foreach ($entry in $kind.Entries) {
            $Writer.WriteStartElement('command', $kind.Item, $script:CommandNamespace)
            $Writer.WriteStartElement('dev', 'type', $script:DevNamespace)
            $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $entry.Type)
            $Writer.WriteEndElement()
            Write-Description -Writer $Writer -Paragraph $entry.Description
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $script:MamlNamespace)
    $Writer.WriteStartElement('maml', 'alert', $script:MamlNamespace)
    Write-Para -Writer $Writer -Paragraph $Help.Notes
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $script:CommandNamespace)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $script:CommandNamespace)
        $Writer.WriteElementString('maml', 'title', $script:MamlNamespace, "--------- $($example.Title) ---------")
        $Writer.WriteElementString('dev', 'code', $script:DevNamespace, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $script:DevNamespace)
        Write-Para -Writer $Writer -Paragraph $example.Remarks
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $script:CommandNamespace)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $script:MamlNamespace)
        $Writer.WriteElementString('maml', 'linkText', $script:MamlNamespace, $link.Text)
        # Links between the markdown files mean nothing to Get-Help -Online; only web addresses are kept.
        $uri = if ($link.Uri -match '^https?://') { $link.Uri } else { '' }
        $Writer.WriteElementString('maml', 'uri', $script:MamlNamespace, $uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function ConvertTo-MamlHelp {
    <#
    .SYNOPSIS
        Writes one MAML help file for the cmdlet markdown files given.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string[]] $MarkdownPath,
        [Parameter(Mandatory)] [string] $OutputPath
    )
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $settings.NewLineChars = "`n"
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('xmlns', 'maml', $null, $script:MamlNamespace)
        $writer.WriteAttributeString('xmlns', 'command', $null, $script:CommandNamespace)
        $writer.WriteAttributeString('xmlns', 'dev', $null, $script:DevNamespace)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($path in ($MarkdownPath | Sort-Object)) {
            Write-CommandHelp -Writer $writer -Help (Read-CommandHelpMarkdown -Path $path)
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

function ConvertTo-AboutHelpText {
    <#
    .SYNOPSIS
        The text of an about_ topic as Get-Help prints it: the markdown without its YAML front matter, headings in
        capitals, code blocks indented without their fences, and no **bold** or `code` marks (in table rows they
        become spaces, so the columns stay aligned).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $Path)
    $lines = [string[]](Get-Content -LiteralPath $Path -Encoding utf8)
    $start = 0
    if ($lines.Count -gt 0 -and $lines[0] -eq '---') { $start = [array]::IndexOf($lines, '---', 1) + 1 }
    $output = [System.Collections.Generic.List[string]]::new()
    $inCode = $false
    foreach ($text in $lines[$start..($lines.Count - 1)]) {
        if ($text -match '^\s*```') { $inCode = -not $inCode; continue }
        if ($inCode) { $output.Add("    $text"); continue }
        if ($text -match '^#{1,6}\s+(.*)$') {
            $heading = $Matches[1].Trim()
            $output.Add($(if ($heading -like 'about_*') { $heading } else { $heading.ToUpperInvariant() }))
            continue
        }
        if ($text -match '^\s*\|') {
            # Table rows keep their column widths: the marks become spaces.
            $output.Add(($text -replace '\*\*', '  ' -replace '`', ' '))
            continue
        }
        $output.Add((ConvertTo-PlainText -Text $text))
    }
    ($output -join "`n").Trim("`n") + "`n"
}

Export-ModuleMember -Function ConvertTo-MamlHelp, ConvertTo-AboutHelpText
