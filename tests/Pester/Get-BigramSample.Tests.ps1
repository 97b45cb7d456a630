BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.GetBigramSampleCommand'
    $script:Model = New-BigramModel
    $script:Training = [System.Collections.Generic.HashSet[string]]::new([string[]]@(Get-BundledName), [System.StringComparer]::Ordinal)
}

Describe 'Get-BigramSample' {
    Context 'Sampling' {
        It 'draws ten names from a piped model by default' {
            $names = @($script:Model | Get-BigramSample)
            $names.Count | Should -Be 10
            $names | ForEach-Object { $_ | Should -BeOfType ([string]) }
        }

        It 'draws only characters of the vocabulary and never the boundary' {
            $names = $script:Model | Get-BigramSample -Count 200
            $names | ForEach-Object { $_ | Should -MatchExactly '^[a-z]+$' }
        }

        It 'gives the same names for the same seed and others for another seed' {
            $first = $script:Model | Get-BigramSample -Count 50 -Seed 42
            $again = Get-BigramSample -Model $script:Model -Count 50 -Seed 42
            $other = $script:Model | Get-BigramSample -Count 50 -Seed 43
            $again | Should -Be $first
            ($other -join ',') | Should -Not -Be ($first -join ',')
        }

        It 'draws -Count names from each piped model' {
            $names = @($script:Model, $script:Model | Get-BigramSample -Count 3 -Seed 5)
            $names.Count | Should -Be 6
            $names[3..5] | Should -Be $names[0..2]
        }

        It 'draws nothing with -Count 0' {
            $script:Model | Get-BigramSample -Count 0 | Should -BeNullOrEmpty
        }

        It 'samples a trained neural model too' {
            $neural = Invoke-BigramTraining -Steps 20
            $names = @($neural | Get-BigramSample -Count 20 -Seed 1)
            $names.Count | Should -Be 20
            $names | ForEach-Object { $_ | Should -MatchExactly '^[a-z]+$' }
        }
    }

    Context 'Shaping the names' {
        It 'starts every name with -Prefix' {
            $names = $script:Model | Get-BigramSample -Count 30 -Prefix 'mar'
            $names | ForEach-Object { $_ | Should -BeLike 'mar*' }
        }

        It 'cuts names at -MaxLength' {
            $names = $script:Model | Get-BigramSample -Count 200 -MaxLength 3
            $names | ForEach-Object { $_.Length | Should -BeLessOrEqual 3 }
            ($names | Where-Object Length -EQ 3).Count | Should -BeGreaterThan 0
        }

        It 'keeps to the most likely path at a very low temperature' {
            # From '.', 'a' is the likeliest first letter; after 'a', the end of the name is likeliest.
            $names = $script:Model | Get-BigramSample -Count 20 -Temperature 0.01
            $names | Should -Be (@('a') * 20)
        }

        It 'draws only names that are not training names with -ExcludeTrainingNames' {
            $names = $script:Model | Get-BigramSample -Count 100 -Seed 3 -ExcludeTrainingNames
            @($names).Count | Should -Be 100
            $names | ForEach-Object { $script:Training.Contains($_) | Should -BeFalse }
        }
    }

    Context 'Errors' {
        It 'stops with UnknownCharacter for a prefix the model cannot spell' {
            $failure = { $script:Model | Get-BigramSample -Prefix 'x1' } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "UnknownCharacter,$script:CommandType"
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'stops with NoNovelNames when every name it can draw is a training name' {
            $single = 'a' | New-BigramModel -Smoothing 0
            $failure = { $single | Get-BigramSample -Count 1 -ExcludeTrainingNames } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoNovelNames,$script:CommandType"
        }

        It 'rejects a temperature that is not positive' {
            $failure = { $script:Model | Get-BigramSample -Temperature 0 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
        }

        It 'requires a model' {
            $failure = { Get-BigramSample -Model $null } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
        }
    }
}

Describe 'Get-BigramSample: each failure under its own error ID and message' {
    It 'refuses an MLP with BigramModelRequired, pointing to Get-NameSample, and samples the other piped models' {
        $mlp = Get-BundledName -Count 200 | Invoke-MlpTraining -Steps 20 -HiddenSize 8
        { $mlp | Get-BigramSample -ErrorAction Stop } | Should -Throw -ErrorId "BigramModelRequired,$script:CommandType"
        $names = @($mlp, $script:Model | Get-BigramSample -Count 3 -Seed 4 -ErrorVariable refused -ErrorAction SilentlyContinue)
        $names | Should -Be @($script:Model | Get-BigramSample -Count 3 -Seed 4)
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be "BigramModelRequired,$script:CommandType"
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidType'
        $refused[0].TargetObject | Should -Be $mlp
        $refused[0].Exception.Message | Should -Match 'Get-NameSample'
    }

    It 'reports PrefixTooLong for a prefix longer than -MaxLength, without .NET parameter noise' {
        $failure = { $script:Model | Get-BigramSample -Prefix 'abcdef' -MaxLength 3 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "PrefixTooLong,$script:CommandType"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match '-MaxLength \(3\)'
        $failure.Exception.Message | Should -Not -Match '\(Parameter'
    }

    It 'names the prefix, not scoring, when the prefix has an unknown character' {
        $failure = { $script:Model | Get-BigramSample -Prefix 'é' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "UnknownCharacter,$script:CommandType"
        $failure.Exception.Message | Should -Match "-Prefix 'é'"
        $failure.Exception.Message | Should -Not -Match 'score'
        $failure.Exception.Message | Should -Match 'abcdefghijklmnopqrstuvwxyz'
    }

    It 'reports a prefix holding the boundary token as InvalidName' {
        $failure = { $script:Model | Get-BigramSample -Prefix 'a.b' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "InvalidName,$script:CommandType"
        $failure.Exception.Message | Should -Match '-Prefix'
    }

    It 'offers no parameter that does not exist when no novel name turns up' {
        $single = 'a' | New-BigramModel -Smoothing 0
        $failure = { $single | Get-BigramSample -Count 1 -ExcludeTrainingNames } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NoNovelNames,$script:CommandType"
        $failure.Exception.Message | Should -Not -Match 'more attempts'
        $failure.Exception.Message | Should -Match '-Temperature'
    }

    It 'reports OnlyEmptyNames, not NoNovelNames, for a model that ends every name at once' {
        $file = Join-Path -Path $TestDrive -ChildPath 'empty-names.json'
        'ab' | Invoke-BigramTraining -Steps 0 -Initialization Zeros | Export-BigramModel -Path $file
        $json = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json
        $json.weights[0] = @(60, 0, 0)
        $json | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $file
        $model = Import-BigramModel -LiteralPath $file
        $failure = { $model | Get-BigramSample -Count 1 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "OnlyEmptyNames,$script:CommandType"
        $failure.Exception.Message | Should -Match 'empty names'
        $failure.Exception.Message | Should -Not -Match 'ExcludeTrainingNames'
        # A prefix cannot be empty, so the same model still gives names with one.
        ($model | Get-BigramSample -Count 2 -Prefix 'a').Count | Should -Be 2
    }

    It 'samples uniformly from a model with a huge smoothing instead of failing' {
        # 27 symbols: k·V = 2.7e308 overflows a double, which made every probability 0.
        $uniform = New-BigramModel -Smoothing 1e307
        $names = @($uniform | Get-BigramSample -Count 20 -Seed 4)
        $names.Count | Should -Be 20
        ($uniform | Get-BigramProbability).Probability | ForEach-Object { [math]::Abs($_ - 1 / 27) | Should -BeLessThan 1e-15 }
        $score = Measure-NameLikelihood -Model $uniform -Name 'emma', 'ava' -Summary
        [math]::Abs($score.MeanNegativeLogLikelihood - [math]::Log(27)) | Should -BeLessThan 1e-12
    }
}
