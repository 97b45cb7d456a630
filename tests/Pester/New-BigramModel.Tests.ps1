BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.NewBigramModelCommand'
}

Describe 'New-BigramModel' {
    Context 'The bundled names' {
        BeforeAll {
            $script:Output = New-BigramModel -Verbose 4>&1
            $script:Model = $script:Output | Where-Object { $_ -is [MakemorePS.Core.BigramModel] }
        }

        It 'builds the lecture''s add-one smoothed count model and says it used the bundled names' {
            $script:Model | Should -BeOfType ([MakemorePS.Core.BigramModel])
            $script:Model.Kind | Should -Be 'Counts'
            $script:Model.VocabularySize | Should -Be 27
            $script:Model.NameCount | Should -Be $script:BundledNameCount
            $script:Model.BigramCount | Should -Be $script:BundledBigramCount
            $script:Model.Smoothing | Should -Be 1
            $verbose = @($script:Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            ($verbose.Message -join "`n") | Should -Match 'bundled'
        }

        It 'normalizes each row of N + k' {
            # Row '.' holds one bigram per name: 4438 names start with 'a'.
            $first = $script:Model | Get-BigramProbability | Where-Object { $_.First -eq '.' -and $_.Second -eq 'a' }
            $first.Probability | Should -BeGreaterOrEqual (4439 / 32284 - 1e-12)
            $first.Probability | Should -BeLessOrEqual (4439 / 32284 + 1e-12)
        }

        It 'keeps the distinct training names' {
            # Names given to both girls and boys appear twice in the file.
            $script:Model.TrainingNames.Count | Should -Be 29693
            $script:Model.TrainingNames[0] | Should -Be 'emma'
            $script:Model.IsTrainingName('olivia') | Should -BeTrue
            $script:Model.IsTrainingName('andrejq') | Should -BeFalse
        }

        It 'is the same model as the bundled names piped in' {
            $piped = Get-BundledName | New-BigramModel
            $piped.NameCount | Should -Be $script:BundledNameCount
            ($piped | Get-BigramProbability).Probability | Should -Be ($script:Model | Get-BigramProbability).Probability
        }

        It 'shows kind, vocabulary, names, bigrams and smoothing in its default view' {
            $text = $script:Model | Out-String
            $text | Should -Match 'Counts'
            $text | Should -Match '\b27\b'
            $text | Should -Match '\b32257\b'
            $text | Should -Match '\b229804\b'
        }
    }

    Context 'Smoothing' {
        It 'gives raw relative frequencies, zeros included, with -Smoothing 0' {
            $model = 'ab', 'abb' | New-BigramModel -Smoothing 0
            $model.Smoothing | Should -Be 0
            $probabilities = $model | Get-BigramProbability
            ($probabilities | Where-Object { $_.First -eq 'a' -and $_.Second -eq 'a' }).Probability | Should -Be 0
            ($probabilities | Where-Object { $_.First -eq 'b' -and $_.Second -eq 'b' }).Probability | Should -Be (1 / 3)
            ($probabilities | Where-Object { $_.First -eq 'b' -and $_.Second -eq '.' }).Probability | Should -Be (2 / 3)
        }

        It 'adds k to every count before normalizing' {
            $model = 'ab' | New-BigramModel -Smoothing 2.5
            # Row 'a' of the vocabulary . a b: counts 0 0 1, plus 2.5 each.
            $row = $model | Get-BigramProbability | Where-Object First -EQ 'a'
            $row.Probability | Should -Be @((2.5 / 8.5), (2.5 / 8.5), (3.5 / 8.5))
        }

        It 'rejects a negative smoothing as an invalid argument' {
            $failure = { 'ab' | New-BigramModel -Smoothing -1 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
        }
    }

    Context 'Input' {
        It 'reads the lines of a file piped through Get-Content and counts the blank ones' {
            $file = Join-Path -Path $TestDrive -ChildPath 'names.txt'
            Write-NameFile -LiteralPath $file -Name 'emma', '', 'ava', 'emma'
            $model = Get-Content -LiteralPath $file | New-BigramModel -WarningVariable warnings -WarningAction SilentlyContinue
            $model.NameCount | Should -Be 3
            $model.Counts.BlankLineCount | Should -Be 1
            $model.TrainingNames | Should -Be @('emma', 'ava')
            $warnings[0].Message | Should -Be 'Skipped 1 blank line.'
        }

        It 'reads -Path and lower-cases with -LowerCase' {
            $file = Join-Path -Path $TestDrive -ChildPath 'mixed.txt'
            Write-NameFile -LiteralPath $file -Name 'Emma', 'EMMA'
            $model = New-BigramModel -Path $file -LowerCase
            $model.Vocabulary.Symbols | Should -Be @('.', 'a', 'e', 'm')
            $model.NameCount | Should -Be 2
        }

        It 'reports invalid names and builds the model from the others' {
            $model = 'emma', '.', 'ava' | New-BigramModel -ErrorVariable errors -ErrorAction SilentlyContinue
            $model.NameCount | Should -Be 2
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "InvalidName,$script:CommandType"
        }

        It 'fails with NoInputNames when no piped name is usable' {
            $failure = { 'a.b', 'c.d' | New-BigramModel -ErrorAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }
    }
}

Describe 'New-BigramModel: input rules and what a model shows' {
    BeforeAll {
        $script:NewCommandType = 'MakemorePS.Commands.NewBigramModelCommand'
    }

    It 'never falls back to the bundled names for an empty variable given to -Name' {
        $names = $null
        $failure = { New-BigramModel -Name $names } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:NewCommandType"
    }

    It 'says that an empty -Name held no names, and still points to -Path when an object is not a name' {
        $failure = { New-BigramModel -Name @() } | Should -Throw -ErrorId "NoInputNames,$script:NewCommandType" -PassThru
        $failure.Exception.Message | Should -Match 'input was empty'
        $failure.Exception.Message | Should -Not -Match 'only blank'
        $refused = { New-BigramModel -Name (Get-Date) } | Should -Throw -PassThru
        $refused.Exception.Message | Should -Match 'files through -Path'
    }

    It 'models the files piped from Get-ChildItem' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'files'
        $null = New-Item -ItemType Directory -Path $folder
        Write-NameFile -LiteralPath (Join-Path -Path $folder -ChildPath 'a.txt') -Name 'emma', 'ava'
        $model = Get-ChildItem -LiteralPath $folder -Filter '*.txt' | New-BigramModel
        $model.TrainingNames | Should -Be @('emma', 'ava')
    }

    It 'rejects objects that are not names and models the others' {
        $model = 'emma', (Get-Date), 'ava' | New-BigramModel -ErrorVariable refused -ErrorAction SilentlyContinue
        $model.TrainingNames | Should -Be @('emma', 'ava')
        $refused.Count | Should -Be 1
    }

    It 'refuses piped models instead of counting their text as names' {
        $bigram = 'noah', 'liam' | New-BigramModel
        $mlp = 'noah', 'liam' | Invoke-MlpTraining -Steps 1 -HiddenSize 4 -EmbeddingSize 2 -BatchSize 4
        $model = 'emma', $bigram, $mlp, 'ava' | New-BigramModel -ErrorVariable refused -ErrorAction SilentlyContinue
        $model.TrainingNames | Should -Be @('emma', 'ava')
        $refused.Count | Should -Be 2
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be "InputObjectNotBound,$script:CommandType" }
    }

    It 'shows Probabilities and Weights to PowerShell as V×V arrays' {
        $model = 'emma', 'ava' | New-BigramModel
        $model.Probabilities.Count | Should -Be 25
        [math]::Abs(($model.Probabilities[0..4] | Measure-Object -Sum).Sum - 1) | Should -BeLessThan 1e-12
        $model.Probabilities[1] | Should -Be $model.GetProbability(0, 1)
        $model.Weights.Count | Should -Be 0
        $neural = $model | Invoke-BigramTraining -Steps 2
        $neural.Weights.Count | Should -Be 25
        $neural.Weights[7] | Should -Be $neural.GetWeights()[7]
    }

    It 'says what is wrong with -Smoothing NaN' {
        $failure = { 'emma' | New-BigramModel -Smoothing ([double]::NaN) } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:NewCommandType"
        $failure.Exception.Message | Should -Match 'NaN is not a number'
        $failure.Exception.Message | Should -Not -Match 'minimum'
    }

    It 'gives uniform rows and a finite loss for a huge smoothing' {
        $model = 'emma', 'ava' | New-BigramModel -Smoothing 1e307
        $score = 'emma', 'ava' | Measure-NameLikelihood -Model $model -Summary
        [math]::Abs($score.MeanNegativeLogLikelihood - [math]::Log(5)) | Should -BeLessThan 1e-12
    }
}
