# The main job from the README, run the way a user runs it: a fresh pwsh in the repository root.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')

    function Invoke-FreshShell {
        # Runs a command in a new PowerShell started in the repository root, as a user would.
        param([Parameter(Mandatory)] [string] $Command)
        Invoke-ChildPowerShell -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', $Command) -WorkingDirectory $script:RepositoryRoot
    }
}

Describe 'The README''s main job' {
    It 'is the command the README gives for setting up' {
        # The set-up command restores the tools, builds Release, then runs the job in the pinned PowerShell.
        $readme = Get-Content -LiteralPath (Join-Path -Path $script:RepositoryRoot -ChildPath 'README.md')
        $setUp = $readme[([array]::IndexOf($readme, '## Set up'))..($readme.Count - 1)] | Where-Object { $_ -like 'dotnet tool restore*' } | Select-Object -First 1
        $setUp | Should -Be 'dotnet tool restore && dotnet build -c Release && dotnet pwsh -NoProfile -Command "Import-Module ./MakemorePS.psd1; New-BigramModel | Get-BigramSample -Count 10"'
    }

    It 'imports the built module from the repository root and exports its cmdlets' {
        $result = Invoke-FreshShell -Command 'Import-Module ./MakemorePS.psd1; (Get-Command -Module MakemorePS).Name | Sort-Object'
        $result.ExitCode | Should -Be 0
        $result.Lines | Should -Be @(
            'Compare-BigramModel', 'Export-BigramHeatmap', 'Export-BigramModel', 'Export-DiagnosticChart', 'Export-TrainingChart', 'Get-BigramCounts', 'Get-BigramProbability', 'Get-BigramSample',
            'Get-BundledName', 'Get-NameSample', 'Import-BigramModel', 'Invoke-BigramTraining', 'Invoke-MlpTraining', 'Measure-NameLikelihood', 'New-BigramModel', 'Split-NameSet')
    }

    It 'turns the bundled names into a model and 10 new names' {
        $result = Invoke-FreshShell -Command 'Import-Module ./MakemorePS.psd1; New-BigramModel | Get-BigramSample -Count 10'
        $result.ExitCode | Should -Be 0
        $result.Lines.Count | Should -Be 10
        $result.Lines | ForEach-Object { $_ | Should -MatchExactly '^[a-z]+$' }
        # Sampling is seeded, so the job prints the same names every time and in this session too.
        $result.Lines | Should -Be @(New-BigramModel | Get-BigramSample -Count 10)
    }

    It 'trains the network, compares it with the count model and keeps it in a file' {
        $file = Join-Path -Path $TestDrive -ChildPath 'neural.json'
        $command = "Import-Module ./MakemorePS.psd1; `$counts = New-BigramModel; `$neural = Invoke-BigramTraining -Steps 100; " +
            "`$neural | Export-BigramModel -Path '$file'; (Compare-BigramModel `$counts `$neural).KLDivergence"
        $result = Invoke-FreshShell -Command $command
        $result.ExitCode | Should -Be 0
        [double]::Parse($result.Lines[-1], [cultureinfo]::InvariantCulture) | Should -BeGreaterThan 0
        (Import-BigramModel -LiteralPath $file).Steps | Should -Be 100
    }

    It 'exports the count table for Excel' {
        $csv = Join-Path -Path $TestDrive -ChildPath 'counts.csv'
        $result = Invoke-FreshShell -Command "Import-Module ./MakemorePS.psd1; Get-BigramCounts -AsMatrix | Export-Csv -Path '$csv' -NoTypeInformation"
        $result.ExitCode | Should -Be 0
        $lines = @(Get-Content -LiteralPath $csv)
        $lines.Count | Should -Be 28
        $lines[0] | Should -BeLike '"First","."*'
        ($lines[0] -split ',').Count | Should -Be 28
    }
}
