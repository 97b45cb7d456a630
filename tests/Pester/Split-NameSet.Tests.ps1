BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.SplitNameSetCommand'
}

Describe 'Split-NameSet' {
    It 'splits the bundled names 80/10/10 with the seed 42 by default' {
        $split = Split-NameSet
        $split | Should -BeOfType ([MakemorePS.Core.NameSplit])
        $split.Seed | Should -Be 42
        $split.Train.Count | Should -Be 25805
        $split.Dev.Count | Should -Be 3226
        $split.Test.Count | Should -Be 3226
    }

    It 'keeps every name exactly once across the three sets, duplicates included' {
        $names = @(Get-BundledName)
        $split = $names | Split-NameSet
        $together = @($split.Train) + @($split.Dev) + @($split.Test) | Sort-Object -CaseSensitive
        $together | Should -Be ($names | Sort-Object -CaseSensitive)
    }

    It 'is the core''s seeded split, reproducible and different for another seed' {
        $names = [string[]](Get-BundledName -Count 1000)
        $split = $names | Split-NameSet -Seed 7 -TrainFraction 0.5 -DevFraction 0.3
        $core = [MakemorePS.Core.NameSplit]::Create($names, 7, 0.5, 0.3)
        $split.Train | Should -Be $core.Train
        $split.Dev | Should -Be $core.Dev
        $split.Test | Should -Be $core.Test
        $split.Train.Count | Should -Be 500
        $split.Dev.Count | Should -Be 300
        (($names | Split-NameSet -Seed 8).Train -join ',') | Should -Not -Be ((($names | Split-NameSet -Seed 7).Train) -join ',')
    }

    It 'shuffles as Python''s random.seed and random.shuffle do, as the lecture splits its names' {
        # Expected order printed by python3: random.seed(1); random.shuffle(names).
        $split = 'emma', 'olivia', 'ava', 'mia', 'noah', 'liam', 'zoe', 'leo', 'ivy', 'max' |
            Split-NameSet -TrainFraction 0.6 -DevFraction 0.2 -Seed 1
        $split.Train | Should -Be 'zoe', 'ivy', 'max', 'leo', 'liam', 'mia'
        $split.Dev | Should -Be 'emma', 'noah'
        $split.Test | Should -Be 'olivia', 'ava'
    }

    It 'reads names from files' {
        $file = Join-Path -Path $TestDrive -ChildPath 'names.txt'
        Write-NameFile -LiteralPath $file -Name 'emma', 'olivia', 'ava', 'mia', 'noah'
        $split = Split-NameSet -Path $file -TrainFraction 0.6 -DevFraction 0.2
        @($split.Train).Count + @($split.Dev).Count + @($split.Test).Count | Should -Be 5
        @($split.Train).Count | Should -Be 3
    }

    It 'feeds the training set to a model and scores the dev set' {
        $split = Get-BundledName -Count 2000 | Split-NameSet
        $model = $split.Train | New-BigramModel
        $summary = $split.Dev | Measure-NameLikelihood -Model $model -Summary
        $summary.NameCount | Should -Be 200
    }

    It 'stops with InvalidSplit when the fractions add up to more than 1' {
        $failure = { 'emma', 'ava' | Split-NameSet -TrainFraction 0.8 -DevFraction 0.3 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "InvalidSplit,$script:CommandType"
    }

    It 'rejects a fraction outside 0 to 1' {
        $failure = { 'emma' | Split-NameSet -TrainFraction 1.5 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
    }

    It 'reports an invalid name and splits the others' {
        $split = 'emma', 'a.b', 'ava' | Split-NameSet -TrainFraction 1 -DevFraction 0 -ErrorVariable problems -ErrorAction SilentlyContinue
        @($split.Train).Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -Be "InvalidName,$script:CommandType"
    }

    It 'fails with NoInputNames when the pipeline delivers nothing' {
        $failure = { @() | Where-Object { $_ } | Split-NameSet } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
    }
}
