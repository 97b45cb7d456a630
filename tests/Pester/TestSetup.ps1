# Dot-sourced by the BeforeAll block of every test file: imports the module built into this repository (after
# `dotnet build`, lib/<framework> holds it) and defines what the tests share.

. (Join-Path -Path $PSScriptRoot -ChildPath 'ChildPowerShell.ps1')

$script:RepositoryRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).ProviderPath
$script:ManifestPath = Join-Path -Path $script:RepositoryRoot -ChildPath 'MakemorePS.psd1'
Import-Module -Name $script:ManifestPath -Force -ErrorAction Stop

# The bundled dataset (src/MakemorePS.Core/Data/README.md) is SSA's 2018 names, the source and year of makemore's
# names.txt, but from SSA's revised release: 32,257 names where makemore's file has 32,033, so these figures are
# not the lecture's (228,146 bigrams there).
$script:BundledNameCount = 32257
$script:BundledBigramCount = 229804
$script:LetterSymbols = [string[]][char[]]('abcdefghijklmnopqrstuvwxyz')
$script:BundledSymbols = @('.') + $script:LetterSymbols

function Format-Bigram {
    # One line per record, "<First><Second>=<value>", for comparing record lists at a glance.
    param(
        [Parameter(Mandatory, ValueFromPipeline)] [psobject] $Record,
        [string] $Property = 'Count'
    )
    process {
        '{0}{1}={2}' -f $Record.First, $Record.Second, $Record.$Property
    }
}

function Write-NameFile {
    # Writes names, one per line, as UTF-8 (optionally with a byte order mark and CRLF line ends).
    param(
        [Parameter(Mandatory)] [string] $LiteralPath,
        [Parameter(Mandatory)] [AllowEmptyString()] [string[]] $Name,
        [switch] $CrLf,
        [switch] $ByteOrderMark
    )
    $newLine = if ($CrLf) { "`r`n" } else { "`n" }
    $text = ($Name -join $newLine) + $newLine
    [System.IO.File]::WriteAllText($LiteralPath, $text, [System.Text.UTF8Encoding]::new($ByteOrderMark.IsPresent))
}

function Read-Svg {
    # Parses an SVG file as XML (it must be well formed); the DTD is never fetched.
    param([Parameter(Mandatory)] [string] $LiteralPath)
    $settings = [System.Xml.XmlReaderSettings]::new()
    $settings.DtdProcessing = [System.Xml.DtdProcessing]::Ignore
    $settings.XmlResolver = $null
    $reader = [System.Xml.XmlReader]::Create($LiteralPath, $settings)
    try {
        $document = [System.Xml.XmlDocument]::new()
        $document.Load($reader)
        $document
    }
    finally {
        $reader.Dispose()
    }
}

function Get-SvgText {
    # The text elements of an SVG file, in document order.
    param([Parameter(Mandatory)] [string] $LiteralPath)
    @(Get-SvgElement -LiteralPath $LiteralPath -Name text | ForEach-Object InnerText)
}

function Get-SvgElement {
    # The elements of one name (text, ellipse, ...) of an SVG file, in document order.
    param([Parameter(Mandatory)] [string] $LiteralPath, [Parameter(Mandatory)] [string] $Name)
    $document = Read-Svg -LiteralPath $LiteralPath
    $namespaces = [System.Xml.XmlNamespaceManager]::new($document.NameTable)
    $namespaces.AddNamespace('svg', 'http://www.w3.org/2000/svg')
    @($document.SelectNodes("//svg:$Name", $namespaces))
}
