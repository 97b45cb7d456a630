#Requires -Version 7.4
<#
.SYNOPSIS
    Prints MakemorePS's end-to-end costs in PowerShell as ratios to PowerShell's own pipeline cost (issue #4).

.DESCRIPTION
    Machines here are shared and noisy, so absolute times mislead; each figure is a ratio of two timings taken in
    the same process, interleaved, after a warm-up (the tiered JIT can leave a loop 20-40x slower until it has
    been optimized: every command runs a few times, then the process sleeps so background tier-1 compilation
    finishes, before anything is timed). Each timing is the median of -Repeat runs.

      1. Piping the bundled names into New-BigramModel vs piping them into Measure-Object   (target <= 1.5x)
      2. Get-BigramSample -Count N | Measure-Object vs 1..N | Measure-Object                (target <= 1.5x)
      3. Invoke-BigramTraining's per-step cost (a long run minus a one-step run, divided by the extra steps)
         vs the core's own per-step cost measured the same way through BigramTrainer.Train  (target <= 2x)

    This is a plain script that outputs figures (a Markdown table, as lines of text; progress goes to the progress
    stream); it asserts nothing and is not a Pester test.

.PARAMETER Repeat
    How many timed runs each median is taken over. The first comparison's pipelines last only tens of
    milliseconds, so a burst of load from another process moves a single run a lot; 15 runs keep the median steady.

.PARAMETER SampleCount
    Names sampled in comparison 2.

.PARAMETER LongSteps
    Steps of the long training run in comparison 3 (long enough that a step's cost stands out of the noise).

.PARAMETER NoBuild
    Do not build the module first (by default `dotnet build src/MakemorePS -c Release` runs, which fills lib/).

.EXAMPLE
    pwsh -NoProfile -File tests/Measure-ModuleOverhead.ps1
#>
[CmdletBinding()]
param(
    [ValidateRange(3, 100)]
    [int] $Repeat = 15,

    [ValidateRange(1000, 10000000)]
    [int] $SampleCount = 100000,

    [ValidateRange(10, 10000000)]
    [int] $LongSteps = 20000,

    [switch] $NoBuild
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repositoryRoot = Split-Path -Parent $PSScriptRoot
$manifest = Join-Path $repositoryRoot 'MakemorePS.psd1'

# The progress messages go to the progress stream; the figures are the script's output.
$activity = 'Measuring MakemorePS overhead'

if (-not $NoBuild) {
    Write-Progress -Activity $activity -Status 'Building the module (dotnet build src/MakemorePS -c Release)'
    $buildOutput = & dotnet build (Join-Path $repositoryRoot 'src/MakemorePS/MakemorePS.csproj') -c Release -nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        $message = "The module did not build (exit code $LASTEXITCODE):$([Environment]::NewLine)$($buildOutput -join [Environment]::NewLine)"
        $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                [System.InvalidOperationException]::new($message), 'ModuleBuildFailed', [System.Management.Automation.ErrorCategory]::InvalidResult, $null))
    }
}

Import-Module $manifest -Force
$required = 'Get-BundledName', 'New-BigramModel', 'Get-BigramSample', 'Invoke-BigramTraining'
$missing = @($required | Where-Object { -not (Get-Command $_ -Module MakemorePS -ErrorAction SilentlyContinue) })
if ($missing.Count -gt 0) {
    $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
            [System.InvalidOperationException]::new("The module does not export $($missing -join ', ') yet."), 'ModuleCommandMissing',
            [System.Management.Automation.ErrorCategory]::ObjectNotFound, $null))
}

# Wall-clock milliseconds of one run of a script block, output discarded.
function Measure-Duration {
    param([scriptblock] $Action)
    $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
    $null = & $Action
    $stopwatch.Stop()
    $stopwatch.Elapsed.TotalMilliseconds
}

function Get-Median {
    param([double[]] $Values)
    $sorted = [double[]]($Values | Sort-Object)
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

# Times several script blocks interleaved (A B C, A B C, ...) so a burst of load on the machine hits them alike.
# Warm-up: three untimed rounds, a pause for the background JIT, one more round.
function Measure-Interleaved {
    param([System.Collections.Specialized.OrderedDictionary] $Actions, [int] $Runs)
    foreach ($round in 1..3) { foreach ($action in $Actions.Values) { $null = Measure-Duration $action } }
    Start-Sleep -Milliseconds 500
    foreach ($action in $Actions.Values) { $null = Measure-Duration $action }

    $times = [ordered]@{}
    foreach ($key in $Actions.Keys) { $times[$key] = [System.Collections.Generic.List[double]]::new() }
    foreach ($run in 1..$Runs) {
        foreach ($key in $Actions.Keys) { $times[$key].Add((Measure-Duration $Actions[$key])) }
    }

    $medians = [ordered]@{}
    foreach ($key in $Actions.Keys) { $medians[$key] = Get-Median $times[$key].ToArray() }
    $medians
}

function Format-Verdict {
    param([double] $Ratio, [double] $Target)
    if ($Ratio -le $Target) { 'met' } else { 'missed by {0:N0}%' -f (100 * ($Ratio / $Target - 1)) }
}

$culture = [System.Globalization.CultureInfo]::InvariantCulture
$results = [System.Collections.Generic.List[object]]::new()

# 1. Counting names from the pipeline.
$names = @(Get-BundledName)
Write-Progress -Activity $activity -Status "1/3 Piping $($names.Count) names into New-BigramModel vs Measure-Object ($Repeat runs each)" -PercentComplete 0
$modelTimes = Measure-Interleaved -Runs $Repeat -Actions ([ordered]@{
        Module   = { $names | New-BigramModel }
        Pipeline = { $names | Measure-Object }
    })
$results.Add([pscustomobject]@{
        Comparison = "`$names | New-BigramModel  vs  `$names | Measure-Object  ($($names.Count) names)"
        Module     = '{0:N1} ms' -f $modelTimes.Module
        Reference  = '{0:N1} ms' -f $modelTimes.Pipeline
        Ratio      = $modelTimes.Module / $modelTimes.Pipeline
        Target     = 1.5
    })

# 2. Sampling into the pipeline.
$model = New-BigramModel -Name $names
Write-Progress -Activity $activity -Status "2/3 Get-BigramSample -Count $SampleCount | Measure-Object vs 1..$SampleCount | Measure-Object" -PercentComplete 33
$sampleTimes = Measure-Interleaved -Runs $Repeat -Actions ([ordered]@{
        Module   = { Get-BigramSample -Model $model -Count $SampleCount | Measure-Object }
        Pipeline = { 1..$SampleCount | Measure-Object }
    })
$results.Add([pscustomobject]@{
        Comparison = "Get-BigramSample -Count $SampleCount | Measure-Object  vs  1..$SampleCount | Measure-Object"
        Module     = '{0:N1} ms' -f $sampleTimes.Module
        Reference  = '{0:N1} ms' -f $sampleTimes.Pipeline
        Ratio      = $sampleTimes.Module / $sampleTimes.Pipeline
        Target     = 1.5
    })

# 3. Training: per-step cost through the cmdlet vs through the core, both as (long run - one-step run) / extra steps,
# so the fixed costs (binding, model construction, weight initialization) cancel out.
Write-Progress -Activity $activity -Status "3/3 Invoke-BigramTraining per step ($LongSteps-step run minus 1-step run) vs BigramTrainer.Train the same way" -PercentComplete 67
$counts = $model.Counts
$cancel = [System.Threading.CancellationToken]::None
$longOptions = [MakemorePS.Core.TrainingOptions]@{ Steps = $LongSteps }
$shortOptions = [MakemorePS.Core.TrainingOptions]@{ Steps = 1 }
$trainTimes = Measure-Interleaved -Runs $Repeat -Actions ([ordered]@{
        ModuleLong  = { Invoke-BigramTraining -Model $model -Steps $LongSteps }
        ModuleShort = { Invoke-BigramTraining -Model $model -Steps 1 }
        CoreLong    = { [MakemorePS.Core.BigramTrainer]::Train($counts, $longOptions, $null, $null, $cancel) }
        CoreShort   = { [MakemorePS.Core.BigramTrainer]::Train($counts, $shortOptions, $null, $null, $cancel) }
    })
$extraSteps = $LongSteps - 1
$moduleStepMicroseconds = 1000 * ($trainTimes.ModuleLong - $trainTimes.ModuleShort) / $extraSteps
$coreStepMicroseconds = 1000 * ($trainTimes.CoreLong - $trainTimes.CoreShort) / $extraSteps
$results.Add([pscustomobject]@{
        Comparison = "Invoke-BigramTraining per step  vs  BigramTrainer.Train per step  ($LongSteps minus 1 steps)"
        Module     = '{0:N2} µs' -f $moduleStepMicroseconds
        Reference  = '{0:N2} µs' -f $coreStepMicroseconds
        Ratio      = $moduleStepMicroseconds / $coreStepMicroseconds
        Target     = 2.0
    })

$machine = "{0}, {1} logical cores, PowerShell {2}, .NET {3}" -f (
    [System.Runtime.InteropServices.RuntimeInformation]::OSDescription),
    [Environment]::ProcessorCount, $PSVersionTable.PSVersion, [Environment]::Version
Write-Progress -Activity $activity -Completed

# The output is a Markdown table, ready to paste into the README.
''
"MakemorePS end-to-end overhead ($machine; medians of $Repeat runs after warm-up)"
''
'| Comparison | MakemorePS | Reference | Ratio | Target | Verdict |'
'|---|---:|---:|---:|---:|---|'
foreach ($result in $results) {
    # A pipe inside a cell would end it: escape the ones in the commands.
    ('| {0} | {1} | {2} | {3}x | <= {4}x | {5} |' -f $result.Comparison.Replace('|', '\|'), $result.Module, $result.Reference,
        $result.Ratio.ToString('N2', $culture), $result.Target.ToString('N1', $culture), (Format-Verdict $result.Ratio $result.Target))
}
