<#
.SYNOPSIS
    Runs the Pester tests of MakemorePS in a child pwsh and prints "PesterCounts: <passed> <failed>".

.DESCRIPTION
    The tests import the module built into the repository: lib/<framework>, which only a Release build fills
    (`dotnet build -c Release`). When that build is missing, this script makes it first. Pester 5.9.1 comes from
    NuGet (a PackageDownload in tests/MakemorePS.Module.Tests) and is imported by path: never from the PowerShell
    Gallery, never whatever Pester happens to be installed.

    The tests run in a child pwsh, so the calling session never loads (and locks) the module's assemblies. The last
    line printed is always "PesterCounts: <passed> <failed>" (.ci/run reads it); the exit code is 0 only when every
    test passed and at least one ran.

.PARAMETER Path
    Test files or folders to run; by default every *.Tests.ps1 file in tests/Pester.

.PARAMETER ResultPath
    Also writes the results to this NUnit XML file.

.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Invoke-Pester.ps1
    Runs the whole suite with the PowerShell pinned in .config/dotnet-tools.json.

.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Invoke-Pester.ps1 -Path tests/Pester/Get-BigramSample.Tests.ps1
    Runs the tests of one cmdlet.
#>
[CmdletBinding()]
param(
    [string[]] $Path = @(),

    [string] $ResultPath = '',

    # Internal: set when this script runs itself as the child process that hosts Pester.
    [string] $CountsFile = ''
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repositoryRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '..')).ProviderPath
# pwsh -File passes a list as one comma-separated string.
$Path = @($Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$pesterVersion = '5.9.1'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Pester/ChildPowerShell.ps1')

function Get-PinnedPesterManifest {
    # Pester comes from NuGet (a PackageDownload in tests/MakemorePS.Module.Tests), never from the Gallery or
    # whatever happens to be installed: this finds that exact version in the NuGet global packages folder.
    $packagesRoot = $env:NUGET_PACKAGES
    if (-not $packagesRoot) {
        $listing = & dotnet nuget locals global-packages --list
        $packagesRoot = ($listing | Select-String -Pattern '^global-packages:\s*(.+)$').Matches[0].Groups[1].Value.Trim()
    }
    $manifest = Join-Path -Path $packagesRoot -ChildPath "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) {
        $message = "Pester $pesterVersion is not in the NuGet packages folder ($packagesRoot). Restore it with: dotnet restore tests/MakemorePS.Module.Tests"
        throw [System.IO.FileNotFoundException]::new($message, $manifest)
    }
    $manifest
}

if ($CountsFile) {
    # The child: import the pinned Pester by path, run it and leave the counts in $CountsFile for the parent.
    Import-Module -Name (Get-PinnedPesterManifest) -Force

    $pesterConfiguration = New-PesterConfiguration
    $pesterConfiguration.Run.Path = if ($Path.Count -gt 0) { $Path } else { @(Join-Path -Path $PSScriptRoot -ChildPath 'Pester') }
    $pesterConfiguration.Run.PassThru = $true
    $pesterConfiguration.Output.Verbosity = 'Detailed'
    if ($ResultPath) {
        $pesterConfiguration.TestResult.Enabled = $true
        $pesterConfiguration.TestResult.OutputFormat = 'NUnitXml'
        $pesterConfiguration.TestResult.OutputPath = $ResultPath
    }

    $result = Invoke-Pester -Configuration $pesterConfiguration
    # A failing BeforeAll or a file that does not parse fails its tests without counting them as failed tests.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Set-Content -LiteralPath $CountsFile -Value "$($result.PassedCount) $failed" -Encoding ascii
    return
}

# The parent: make sure the module is built, then run the child.
$moduleAssembly = Join-Path -Path $repositoryRoot -ChildPath 'lib/net8.0/MakemorePS.dll'
if (-not (Test-Path -LiteralPath $moduleAssembly)) {
    Write-Information -MessageData 'The module is not built yet: building MakemorePS.sln (Release).' -InformationAction Continue
    & dotnet build (Join-Path -Path $repositoryRoot -ChildPath 'MakemorePS.sln') -c Release --nologo
    if ($LASTEXITCODE -ne 0) {
        Write-Output 'The build failed, so the Pester tests did not run.'
        Write-Output 'PesterCounts: 0 1'
        exit 1
    }
}

# Restores the pinned Pester when the solution's restore has not brought it yet.
try { $null = Get-PinnedPesterManifest }
catch {
    & dotnet restore (Join-Path -Path $repositoryRoot -ChildPath 'tests/MakemorePS.Module.Tests') --nologo | Out-Null
    $null = Get-PinnedPesterManifest
}

$counts = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("MakemorePS-Pester-{0}.txt" -f [guid]::NewGuid())
$childArguments = @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-CountsFile', $counts)
if ($Path.Count -gt 0) {
    $resolved = foreach ($item in $Path) { (Resolve-Path -Path $item).ProviderPath }
    $childArguments += @('-Path', ($resolved -join ','))
}
if ($ResultPath) {
    $childArguments += @('-ResultPath', [System.IO.Path]::GetFullPath($ResultPath, (Get-Location).ProviderPath))
}

Push-Location -LiteralPath $repositoryRoot
try {
    $childPowerShell = Get-ChildPowerShell
    & $childPowerShell.FilePath @($childPowerShell.ArgumentPrefix + $childArguments)
    $childExitCode = $LASTEXITCODE
}
finally {
    Pop-Location
}

if (-not (Test-Path -LiteralPath $counts)) {
    Write-Output "Pester did not run to completion (the child pwsh exited with code $childExitCode)."
    Write-Output 'PesterCounts: 0 1'
    exit 1
}

$passed, $failed = (Get-Content -LiteralPath $counts -Raw).Trim() -split ' ' | ForEach-Object { [int]$_ }
Remove-Item -LiteralPath $counts -Force
Write-Output "PesterCounts: $passed $failed"
if ($failed -gt 0 -or $passed -eq 0) {
    exit 1
}
exit 0
