<#
.SYNOPSIS
    Builds, documents, tests and packages MakemorePS.

.DESCRIPTION
    Tasks (run in the order given):
      Build    dotnet build MakemorePS.sln; a Release build copies the assemblies to lib/<framework>, so the
               repository is importable (a Debug build stays in bin/Debug).
      Help     MAML help from the PlatyPS markdown in docs/ into module/en-US (installs
               Microsoft.PowerShell.PlatyPS for the current user if it is missing), then copies it beside the
               built assemblies so Get-Help finds it after Import-Module ./MakemorePS.psd1 (the build copies it
               there too). About topics go to en-US/ beside the manifest, where Get-Help looks for them.
      Test     Builds, runs dotnet test MakemorePS.sln, then the Pester suite (tests/Invoke-Pester.ps1, which
               hosts Pester in a child PowerShell so this session never locks the module's DLLs). The Pester suite
               always tests the Release build in lib/.
      Package  A Release build laid out as a publishable module folder: out/MakemorePS/<version>/.

.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 -Task Test
    Runs every test, xunit and Pester, with the PowerShell pinned in .config/dotnet-tools.json.

.EXAMPLE
    ./build.ps1
    Builds the solution (Release).

.EXAMPLE
    ./build.ps1 -Task Build, Help, Test, Package -Configuration Release
    Everything, as a release would do it.
#>
[CmdletBinding()]
param(
    # The tasks to run, in order.
    [ValidateSet('Build', 'Help', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    # The build configuration for Build and the xunit tests. Only Release fills lib/, which the Pester suite
    # imports, so Test always builds Release too; Package always builds Release.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # With Package: where to lay out the module (default out/ at the repository root).
    [string] $OutputPath = ''
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$repositoryRoot = $PSScriptRoot
$solution = Join-Path -Path $repositoryRoot -ChildPath 'MakemorePS.sln'
$manifestPath = Join-Path -Path $repositoryRoot -ChildPath 'MakemorePS.psd1'
$moduleName = 'MakemorePS'
$helpFileName = 'MakemorePS.dll-Help.xml'
$platyPSModule = 'Microsoft.PowerShell.PlatyPS'

function Write-Step {
    param([Parameter(Mandatory)] [string] $Message)
    Write-Information -MessageData "==> $Message" -InformationAction Continue
}

function Exit-BuildWithError {
    param(
        [Parameter(Mandatory)] [string] $Message,
        [Parameter(Mandatory)] [string] $ErrorId,
        [System.Management.Automation.ErrorCategory] $Category = [System.Management.Automation.ErrorCategory]::InvalidResult
    )
    $exception = [System.InvalidOperationException]::new($Message)
    $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new($exception, $ErrorId, $Category, $null))
}

function Invoke-Native {
    # Runs a program and stops the build when it fails.
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [Parameter(Mandatory)] [string] $ErrorId
    )
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        Exit-BuildWithError -Message "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE; see its output above." -ErrorId $ErrorId
    }
}

function Install-PlatyPSIfMissing {
    if (Get-Module -ListAvailable -Name $platyPSModule) {
        return
    }
    Write-Step "Installing $platyPSModule for the current user"
    if (Get-Command -Name 'Install-PSResource' -ErrorAction SilentlyContinue) {
        Install-PSResource -Name $platyPSModule -Scope CurrentUser -TrustRepository
    }
    elseif (Get-Command -Name 'Install-Module' -ErrorAction SilentlyContinue) {
        Install-Module -Name $platyPSModule -Scope CurrentUser -Force -AllowClobber
    }
    else {
        Exit-BuildWithError -Message "$platyPSModule is not installed and neither Install-PSResource nor Install-Module is available. Install $platyPSModule from the PowerShell Gallery and run the Help task again." -ErrorId 'PlatyPSNotInstalled' -Category NotInstalled
    }
}

function Invoke-BuildTask {
    param([Parameter(Mandatory)] [string] $BuildConfiguration)
    Write-Step "Building $solution ($BuildConfiguration)"
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $solution, '-c', $BuildConfiguration, '--nologo') -ErrorId 'BuildFailed'
}

function Invoke-HelpTask {
    Install-PlatyPSIfMissing
    Import-Module -Name $platyPSModule -ErrorAction Stop

    $docs = Join-Path -Path $repositoryRoot -ChildPath 'docs'
    $helpFolder = Join-Path -Path $repositoryRoot -ChildPath 'module/en-US'
    $commandFiles = @(Get-ChildItem -Path (Join-Path -Path $docs -ChildPath '*.md') -File | Where-Object { $_.Name -notlike 'about_*' })
    if ($commandFiles.Count -eq 0) {
        Exit-BuildWithError -Message "No cmdlet markdown was found in '$docs'." -ErrorId 'NoHelpSources' -Category ObjectNotFound
    }

    Write-Step "Generating MAML help from $($commandFiles.Count) markdown files"
    $staging = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("MakemorePS-help-" + [guid]::NewGuid().ToString('N'))
    try {
        $commandHelp = $commandFiles | ForEach-Object { Import-MarkdownCommandHelp -Path $_.FullName }
        # Export-MamlCommandHelp writes into a subfolder named after the module; the file is copied into place below.
        $null = Export-MamlCommandHelp -CommandHelp $commandHelp -OutputFolder $staging -Force
        $generated = @(Get-ChildItem -LiteralPath $staging -Recurse -File -Filter $helpFileName)
        if ($generated.Count -ne 1) {
            Exit-BuildWithError -Message "Export-MamlCommandHelp did not produce exactly one $helpFileName under '$staging'. Check that every docs/*.md file has 'external help file: $helpFileName' in its metadata." -ErrorId 'HelpNotGenerated'
        }
        $null = New-Item -Path $helpFolder -ItemType Directory -Force
        Copy-Item -LiteralPath $generated[0].FullName -Destination (Join-Path -Path $helpFolder -ChildPath $helpFileName) -Force
    }
    finally {
        if (Test-Path -LiteralPath $staging) {
            Remove-Item -LiteralPath $staging -Recurse -Force
        }
    }

    # About topics are plain text, and Get-Help finds them only in the en-US folder beside the manifest.
    $aboutFiles = @(Get-ChildItem -Path (Join-Path -Path $docs -ChildPath 'about_*.md') -File)
    if ($aboutFiles.Count -gt 0) {
        $aboutFolder = Join-Path -Path $repositoryRoot -ChildPath 'en-US'
        $null = New-Item -Path $aboutFolder -ItemType Directory -Force
        foreach ($about in $aboutFiles) {
            Copy-Item -LiteralPath $about.FullName -Destination (Join-Path -Path $aboutFolder -ChildPath ($about.BaseName + '.help.txt')) -Force
        }
    }

    # Place the help where Get-Help looks without needing a rebuild: beside each built cmdlet assembly.
    foreach ($framework in 'net8.0', 'netstandard2.0') {
        $libFolder = Join-Path -Path $repositoryRoot -ChildPath "lib/$framework"
        if (Test-Path -LiteralPath $libFolder) {
            $target = Join-Path -Path $libFolder -ChildPath 'en-US'
            $null = New-Item -Path $target -ItemType Directory -Force
            Copy-Item -Path (Join-Path -Path $helpFolder -ChildPath '*') -Destination $target -Force
        }
    }
    Write-Step "Help written to $helpFolder"
}

function Invoke-TestTask {
    param([Parameter(Mandatory)] [string] $BuildConfiguration)
    Invoke-BuildTask -BuildConfiguration $BuildConfiguration
    if ($BuildConfiguration -ne 'Release') {
        Invoke-BuildTask -BuildConfiguration 'Release'
    }
    Write-Step "Running the xunit tests ($BuildConfiguration)"
    & dotnet test $solution -c $BuildConfiguration --no-build --nologo
    $unitTestsPassed = $LASTEXITCODE -eq 0

    # Pester runs even when an xunit test failed, so one run reports every failure.
    Write-Step 'Running the Pester tests'
    & (Join-Path -Path $repositoryRoot -ChildPath 'tests/Invoke-Pester.ps1')
    $pesterPassed = $LASTEXITCODE -eq 0

    if (-not $unitTestsPassed) {
        Exit-BuildWithError -Message 'Some xunit tests failed; see their output above.' -ErrorId 'UnitTestsFailed'
    }
    if (-not $pesterPassed) {
        Exit-BuildWithError -Message 'Some Pester tests failed; see their output above.' -ErrorId 'PesterTestsFailed'
    }
}

function Invoke-PackageTask {
    param([string] $PackagePath)
    Invoke-BuildTask -BuildConfiguration 'Release'
    $version = (Import-PowerShellDataFile -LiteralPath $manifestPath).ModuleVersion
    $outputRoot = if ($PackagePath) { [System.IO.Path]::GetFullPath($PackagePath, (Get-Location).ProviderPath) } else { Join-Path -Path $repositoryRoot -ChildPath 'out' }
    $packageRoot = Join-Path -Path $outputRoot -ChildPath "$moduleName/$version"
    Write-Step "Laying out $packageRoot"
    if (Test-Path -LiteralPath $packageRoot) {
        Remove-Item -LiteralPath $packageRoot -Recurse -Force
    }
    $null = New-Item -Path $packageRoot -ItemType Directory -Force

    Copy-Item -LiteralPath $manifestPath -Destination $packageRoot
    Copy-Item -LiteralPath (Join-Path -Path $repositoryRoot -ChildPath 'module') -Destination $packageRoot -Recurse
    $aboutFolder = Join-Path -Path $repositoryRoot -ChildPath 'en-US'
    if (Test-Path -LiteralPath $aboutFolder) {
        Copy-Item -LiteralPath $aboutFolder -Destination $packageRoot -Recurse
    }
    foreach ($framework in 'net8.0', 'netstandard2.0') {
        $source = Join-Path -Path $repositoryRoot -ChildPath "lib/$framework"
        if (-not (Test-Path -LiteralPath (Join-Path -Path $source -ChildPath 'MakemorePS.dll'))) {
            Exit-BuildWithError -Message "The Release build did not produce '$source/MakemorePS.dll'." -ErrorId 'BuildOutputMissing' -Category ObjectNotFound
        }
        $target = Join-Path -Path $packageRoot -ChildPath "lib/$framework"
        $null = New-Item -Path $target -ItemType Directory -Force
        # Debug symbols stay out of the published module.
        Get-ChildItem -LiteralPath $source -File | Where-Object Extension -ne '.pdb' | Copy-Item -Destination $target
        $help = Join-Path -Path $source -ChildPath 'en-US'
        if (Test-Path -LiteralPath $help) {
            Copy-Item -LiteralPath $help -Destination $target -Recurse
        }
    }

    foreach ($document in 'README.md', 'LICENSE') {
        Copy-Item -LiteralPath (Join-Path -Path $repositoryRoot -ChildPath $document) -Destination $packageRoot
    }

    $null = Test-ModuleManifest -Path (Join-Path -Path $packageRoot -ChildPath 'MakemorePS.psd1')
    Write-Step "Package ready: $packageRoot (Publish-PSResource -Path '$packageRoot')"
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-BuildTask -BuildConfiguration $Configuration }
        'Help' { Invoke-HelpTask }
        'Test' { Invoke-TestTask -BuildConfiguration $Configuration }
        'Package' { Invoke-PackageTask -PackagePath $OutputPath }
    }
}
