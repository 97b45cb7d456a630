# The module installed as users install it: laid out by ./build.ps1 -Task Package, published with PSResourceGet to a
# local file repository, installed from there, and imported by name in a fresh PowerShell.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:Version = (Import-PowerShellDataFile -LiteralPath $script:ManifestPath).ModuleVersion
    $script:OutputRoot = Join-Path -Path $TestDrive -ChildPath 'out'
    $script:PackageRoot = Join-Path -Path $script:OutputRoot -ChildPath "MakemorePS/$script:Version"

    $build = Invoke-ChildPowerShell -ArgumentList @('-NoProfile', '-NonInteractive', '-File',
        (Join-Path -Path $script:RepositoryRoot -ChildPath 'build.ps1'), '-Task', 'Package', '-OutputPath', $script:OutputRoot)
    if ($build.ExitCode -ne 0) {
        throw [System.InvalidOperationException]::new("./build.ps1 -Task Package failed (exit code $($build.ExitCode)):`n$($build.Lines -join "`n")")
    }

    function Get-AssemblyReferenceName {
        # The simple names of the assemblies a file references, read from its metadata (nothing is loaded).
        param([Parameter(Mandatory)] [string] $LiteralPath)
        $stream = [System.IO.File]::OpenRead($LiteralPath)
        $peReader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        try {
            $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($peReader)
            foreach ($handle in $metadata.AssemblyReferences) {
                $metadata.GetString($metadata.GetAssemblyReference($handle).Name)
            }
        }
        finally {
            $peReader.Dispose()
            $stream.Dispose()
        }
    }

    function Get-ReferenceClosure {
        # The assemblies in a folder that MakemorePS.dll needs, directly or through each other.
        param([Parameter(Mandatory)] [string] $Folder)
        $needed = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
        $pending = [System.Collections.Generic.Queue[string]]::new()
        $pending.Enqueue('MakemorePS')
        while ($pending.Count -gt 0) {
            $name = $pending.Dequeue()
            $file = Join-Path -Path $Folder -ChildPath "$name.dll"
            if ((Test-Path -LiteralPath $file) -and $needed.Add($name)) {
                Get-AssemblyReferenceName -LiteralPath $file | ForEach-Object { $pending.Enqueue($_) }
            }
        }
        , $needed
    }
}

Describe 'The packaged module' {
    It 'has a manifest that Test-ModuleManifest accepts' {
        $manifest = Test-ModuleManifest -Path (Join-Path -Path $script:PackageRoot -ChildPath 'MakemorePS.psd1') -ErrorAction Stop
        $manifest.Version | Should -Be ([version]$script:Version)
        $manifest.ExportedCmdlets.Keys | Should -Contain 'New-BigramModel'
    }

    It 'holds the manifest, the loader, the help, the licence and both builds, nothing else' {
        @(Get-ChildItem -LiteralPath $script:PackageRoot | ForEach-Object Name | Sort-Object) |
            Should -Be @('en-US', 'lib', 'LICENSE', 'MakemorePS.psd1', 'module', 'README.md')
        @(Get-ChildItem -LiteralPath (Join-Path -Path $script:PackageRoot -ChildPath 'lib') | ForEach-Object Name | Sort-Object) |
            Should -Be @('net8.0', 'netstandard2.0')
    }

    It 'ships in lib/<framework> exactly the assemblies MakemorePS.dll needs: no tests, benchmarks, symbols or PowerShell' -ForEach @(
        @{ Framework = 'net8.0' }, @{ Framework = 'netstandard2.0' }
    ) {
        $folder = Join-Path -Path $script:PackageRoot -ChildPath "lib/$Framework"
        $files = @(Get-ChildItem -LiteralPath $folder -File)
        $files | Where-Object Extension -NE '.dll' | ForEach-Object Name | Should -BeNullOrEmpty
        $shipped = @($files | ForEach-Object BaseName | Sort-Object)
        $shipped | Should -Contain 'MakemorePS.Core'
        $shipped | Should -Not -Contain 'System.Management.Automation'
        $shipped | Where-Object { $_ -match 'Test|Benchmark|xunit|Pester' } | Should -BeNullOrEmpty
        $shipped | Should -Be @((Get-ReferenceClosure -Folder $folder) | Sort-Object)
        Test-Path -LiteralPath (Join-Path -Path $folder -ChildPath 'en-US/MakemorePS.dll-Help.xml') | Should -BeTrue
    }

    It 'publishes to a local repository, installs from it, and imports by name in a fresh PowerShell' {
        $repository = New-Item -Path (Join-Path -Path $TestDrive -ChildPath 'repository') -ItemType Directory
        $modules = New-Item -Path (Join-Path -Path $TestDrive -ChildPath 'modules') -ItemType Directory
        # PSResourceGet keeps its list of repositories in the user's application data: point that at the test drive.
        $settings = New-Item -Path (Join-Path -Path $TestDrive -ChildPath 'settings') -ItemType Directory
        $repositoryName = 'MakemorePSTest' + [guid]::NewGuid().ToString('N')
        $publish = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name '$repositoryName' -Uri '$($repository.FullName)' -Trusted
try {
    Publish-PSResource -Path '$script:PackageRoot' -Repository '$repositoryName'
    Save-PSResource -Name MakemorePS -Version '$script:Version' -Repository '$repositoryName' -Path '$($modules.FullName)' -TrustRepository
}
finally {
    Unregister-PSResourceRepository -Name '$repositoryName'
}
"@
        $savedEnvironment = @{ XDG_DATA_HOME = $env:XDG_DATA_HOME; LOCALAPPDATA = $env:LOCALAPPDATA }
        try {
            $env:XDG_DATA_HOME = $settings.FullName
            $env:LOCALAPPDATA = $settings.FullName
            $published = Invoke-ChildPowerShell -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', $publish)
        }
        finally {
            $env:XDG_DATA_HOME = $savedEnvironment.XDG_DATA_HOME
            $env:LOCALAPPDATA = $savedEnvironment.LOCALAPPDATA
        }
        $published.ExitCode | Should -Be 0 -Because ($published.Lines -join "`n")
        @(Get-ChildItem -LiteralPath $repository.FullName -Filter "MakemorePS.$script:Version.nupkg").Count | Should -Be 1
        Test-Path -LiteralPath (Join-Path -Path $modules.FullName -ChildPath "MakemorePS/$script:Version/MakemorePS.psd1") | Should -BeTrue

        # A fresh PowerShell that finds the module only through PSModulePath, started outside the repository.
        $job = "`$env:PSModulePath = '$($modules.FullName)' + [System.IO.Path]::PathSeparator + `$env:PSModulePath; " +
            'Import-Module MakemorePS -ErrorAction Stop; (Get-Module MakemorePS).ModuleBase; New-BigramModel | Get-BigramSample -Count 10'
        $result = Invoke-ChildPowerShell -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', $job) -WorkingDirectory $TestDrive
        $result.ExitCode | Should -Be 0 -Because ($result.Lines -join "`n")
        $result.Lines[0] | Should -Be (Join-Path -Path $modules.FullName -ChildPath "MakemorePS/$script:Version")
        $result.Lines[1..10] | Should -Be @(New-BigramModel | Get-BigramSample -Count 10)
    }
}
