<#
.SYNOPSIS
    Runs the Pester tests of MakemorePS in a child pwsh and prints "PesterCounts: <passed> <failed>".

.DESCRIPTION
    The tests import the module built into the repository (lib/<framework>, from `dotnet build`). When that build is
    missing, this script builds the solution first, in the configuration given.

    The tests run in a child pwsh, so the calling session never loads (and locks) the module's assemblies. The last
    line printed is always "PesterCounts: <passed> <failed>" (.ci/run reads it); the exit code is 0 only when every
    test passed and at least one ran.

.PARAMETER Configuration
    The configuration to build in when the module has not been built yet.

.PARAMETER Path
    Test files or folders to run; by default every *.Tests.ps1 file in tests/Pester.

.PARAMETER ResultPath
    Also writes the results to this NUnit XML file.

.EXAMPLE
    pwsh -NoProfile -File tests/Invoke-Pester.ps1
    Runs the whole suite.

.EXAMPLE
    pwsh -NoProfile -File tests/Invoke-Pester.ps1 -Path tests/Pester/Get-BigramSample.Tests.ps1
    Runs the tests of one cmdlet.
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

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
$minimumPester = [version]'5.0.0'

if ($CountsFile) {
    # The child: run Pester and leave the counts in $CountsFile for the parent.
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -GE $minimumPester | Sort-Object Version -Descending | Select-Object -First 1
    if ($null -eq $pester) {
        $message = "Pester $minimumPester or later is not installed. Install it with: Install-Module Pester -MinimumVersion $minimumPester -Scope CurrentUser -Force -SkipPublisherCheck"
        $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                [System.InvalidOperationException]::new($message), 'PesterNotInstalled', [System.Management.Automation.ErrorCategory]::NotInstalled, $null))
    }
    Import-Module -Name $pester.Path -Force

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
    Write-Information -MessageData "The module is not built yet: building MakemorePS.sln ($Configuration)." -InformationAction Continue
    & dotnet build (Join-Path -Path $repositoryRoot -ChildPath 'MakemorePS.sln') -c $Configuration --nologo
    if ($LASTEXITCODE -ne 0) {
        Write-Output 'The build failed, so the Pester tests did not run.'
        Write-Output 'PesterCounts: 0 1'
        exit 1
    }
}

$pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
if ((Split-Path -Path $pwsh -Leaf) -notlike 'pwsh*') {
    $pwsh = (Get-Command -Name 'pwsh' -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
}

$counts = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("MakemorePS-Pester-{0}.txt" -f [guid]::NewGuid())
$childArguments = @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-Configuration', $Configuration, '-CountsFile', $counts)
if ($Path.Count -gt 0) {
    $resolved = foreach ($item in $Path) { (Resolve-Path -Path $item).ProviderPath }
    $childArguments += @('-Path', ($resolved -join ','))
}
if ($ResultPath) {
    $childArguments += @('-ResultPath', [System.IO.Path]::GetFullPath($ResultPath, (Get-Location).ProviderPath))
}

Push-Location -LiteralPath $repositoryRoot
try {
    & $pwsh @childArguments
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
