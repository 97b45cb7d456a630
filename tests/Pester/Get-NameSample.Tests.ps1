BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.GetNameSampleCommand'
    $script:Counts = New-BigramModel
    $script:Neural = Invoke-BigramTraining -Steps 20
    $script:Training = [System.Collections.Generic.HashSet[string]]::new([string[]]@(Get-BundledName), [System.StringComparer]::Ordinal)
}

Describe 'Get-NameSample' {
    Context 'Bigram models' {
        It 'draws exactly the names Get-BigramSample draws, for every setting' {
            foreach ($model in $script:Counts, $script:Neural) {
                $settings = @(
                    @{ Count = 50 },
                    @{ Count = 50; Seed = 42; ExcludeTrainingNames = $true },
                    @{ Count = 30; Seed = 7; Prefix = 'mar'; Temperature = 0.7; MaxLength = 12 }
                )
                foreach ($setting in $settings) {
                    $general = @($model | Get-NameSample @setting)
                    $general.Count | Should -Be $setting.Count
                    $general | Should -Be @($model | Get-BigramSample @setting)
                }
            }
        }

        It 'draws ten names from each piped model by default' {
            $names = @($script:Counts, $script:Neural | Get-NameSample)
            $names.Count | Should -Be 20
            $names | ForEach-Object { $_ | Should -MatchExactly '^[a-z]+$' }
        }

        It 'gives the same names for the same seed and others for another seed' {
            $first = Get-NameSample -Model $script:Counts -Count 40 -Seed 3
            $again = $script:Counts | Get-NameSample -Count 40 -Seed 3
            $other = $script:Counts | Get-NameSample -Count 40 -Seed 4
            $again | Should -Be $first
            ($other -join ',') | Should -Not -Be ($first -join ',')
        }

        It 'draws only names that are not training names with -ExcludeTrainingNames' {
            $names = $script:Counts | Get-NameSample -Count 100 -Seed 3 -ExcludeTrainingNames
            $names | ForEach-Object { $script:Training.Contains($_) | Should -BeFalse }
        }
    }

    Context 'MLP models' {
        BeforeAll {
            $script:Mlp = Get-BundledName -Count 500 | Invoke-MlpTraining -Steps 200 -HiddenSize 32 -EmbeddingSize 6 -BatchSize 16
        }

        It 'draws names of the model''s characters, reproducibly for a seed' {
            $first = @($script:Mlp | Get-NameSample -Count 300 -Seed 9)
            $first.Count | Should -Be 300
            $first | ForEach-Object { $_ | Should -MatchExactly '^[a-z]+$' }
            Get-NameSample -Model $script:Mlp -Count 300 -Seed 9 | Should -Be $first
            ($script:Mlp | Get-NameSample -Count 300 -Seed 10) -join ',' | Should -Not -Be ($first -join ',')
        }

        It 'gives the first names of a longer draw for a smaller -Count, whatever the settings' {
            $settings = @(
                @{ Seed = 5 },
                @{ Seed = 6; ExcludeTrainingNames = $true; Prefix = 'ka'; Temperature = 1.3; MaxLength = 6 }
            )
            foreach ($setting in $settings) {
                $long = @($script:Mlp | Get-NameSample -Count 300 @setting)
                foreach ($count in 1, 3, 10, 257) {
                    $script:Mlp | Get-NameSample -Count $count @setting | Should -Be $long[0..($count - 1)]
                }
            }
        }

        It 'honours -Prefix, -MaxLength and -ExcludeTrainingNames' {
            $names = $script:Mlp | Get-NameSample -Count 100 -Prefix 'ma' -MaxLength 5 -ExcludeTrainingNames
            $names | ForEach-Object {
                $_ | Should -BeLike 'ma*'
                $_.Length | Should -BeLessOrEqual 5
                $script:Mlp.IsTrainingName($_) | Should -BeFalse
            }
        }

        It 'draws from an MLP loaded from its file what it drew from the MLP that was saved' {
            $file = Join-Path -Path $TestDrive -ChildPath 'mlp.json'
            $script:Mlp | Export-BigramModel -Path $file
            $loaded = Import-BigramModel -LiteralPath $file
            $loaded | Get-NameSample -Count 200 -Seed 5 | Should -Be ($script:Mlp | Get-NameSample -Count 200 -Seed 5)
            $loaded | Get-NameSample -Count 50 -Seed 6 -Prefix 'ma' -ExcludeTrainingNames | Should -Be ($script:Mlp | Get-NameSample -Count 50 -Seed 6 -Prefix 'ma' -ExcludeTrainingNames)
        }

        It 'follows the likeliest characters at a very low temperature' {
            $names = @($script:Mlp | Get-NameSample -Count 20 -Temperature 0.001 -Seed 1) | Select-Object -Unique
            @($names).Count | Should -Be 1
        }

        It 'draws names the model finds likely' {
            # A trained model gives its own samples a lower loss than uniformly random strings of the same lengths.
            $samples = $script:Mlp | Get-NameSample -Count 300 -Seed 4
            $random = $samples | ForEach-Object { -join (1..$_.Length | ForEach-Object { [char](97 + (($_ * 7919 + $_.GetHashCode()) % 26)) }) }
            $sampled = ($samples | Measure-NameLikelihood -Model $script:Mlp -Summary).MeanNegativeLogLikelihood
            $sampled | Should -BeLessThan ($random | Measure-NameLikelihood -Model $script:Mlp -Summary).MeanNegativeLogLikelihood
        }

        It 'stops with UnknownCharacter for a prefix the MLP cannot spell' {
            $failure = { $script:Mlp | Get-NameSample -Prefix 'é' } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "UnknownCharacter,$script:CommandType"
        }
    }

    Context 'Errors' {
        It 'stops with UnknownCharacter for a prefix the model cannot spell, naming the character' {
            $failure = { $script:Counts | Get-NameSample -Prefix 'x1' } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "UnknownCharacter,$script:CommandType"
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure.Exception.Message | Should -Match "'1'"
        }

        It 'stops with InvalidName for a prefix with the boundary token' {
            $failure = { $script:Counts | Get-NameSample -Prefix 'a.b' } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidName,$script:CommandType"
        }

        It 'stops with PrefixTooLong when the prefix is longer than -MaxLength' {
            $failure = { $script:Counts | Get-NameSample -Prefix 'emma' -MaxLength 3 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "PrefixTooLong,$script:CommandType"
            $failure.Exception.Message | Should -Not -Match 'Parameter'
        }

        It 'stops with NoNovelNames when every name it can draw is a training name' {
            $single = 'a' | New-BigramModel -Smoothing 0
            $failure = { $single | Get-NameSample -Count 1 -ExcludeTrainingNames } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoNovelNames,$script:CommandType"
        }

        It 'reports OnlyEmptyNames, with the chance of ending at once, for a model that ends every name at once' {
            $file = Join-Path -Path $TestDrive -ChildPath 'empty-names.json'
            'ab' | Invoke-BigramTraining -Steps 0 -Initialization Zeros | Export-BigramModel -Path $file
            $json = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json
            $json.weights[0] = @(60, 0, 0)
            $json | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $file
            $model = Import-BigramModel -LiteralPath $file
            $failure = { $model | Get-NameSample -Count 1 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "OnlyEmptyNames,$script:CommandType"
            $failure.Exception.Message | Should -Match "a probability of 1 after the start"
            $failure.Exception.Message | Should -Not -Match 'ExcludeTrainingNames'
        }

        It 'rejects what is not a model' {
            $failure = { 'emma' | Get-NameSample } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Match "^InputObjectNotBound|^ParameterArgumentTransformationError"
        }
    }
}
