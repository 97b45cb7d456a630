BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.MeasureNameLikelihoodCommand'
    $script:Model = New-BigramModel
    $script:Probability = @{}
    foreach ($record in $script:Model | Get-BigramProbability) {
        $script:Probability[$record.First + $record.Second] = $record.Probability
    }
}

Describe 'Measure-NameLikelihood' {
    Context 'Per name' {
        It 'scores a name by the log-probabilities of its bigrams, boundaries included' {
            $score = 'emma' | Measure-NameLikelihood -Model $script:Model
            $score | Should -BeOfType ([MakemorePS.Core.NameScore])
            $expected = 0.0
            foreach ($bigram in '.e', 'em', 'mm', 'ma', 'a.') {
                $expected += [math]::Log($script:Probability[$bigram])
            }
            $score.Name | Should -Be 'emma'
            $score.BigramCount | Should -Be 5
            [math]::Abs($score.LogLikelihood - $expected) | Should -BeLessThan 1e-9
            $score.NegativeLogLikelihood | Should -Be (-$score.LogLikelihood)
            [math]::Abs($score.MeanNegativeLogLikelihood - (-$expected / 5)) | Should -BeLessThan 1e-9
            [math]::Abs($score.Perplexity - [math]::Exp(-$expected / 5)) | Should -BeLessThan 1e-9
        }

        It 'scores piped names one record each, ready for Sort-Object' {
            $scores = 'xqzt', 'emma', 'andrej' | Measure-NameLikelihood -Model $script:Model
            $scores.Name | Should -Be @('xqzt', 'emma', 'andrej')
            ($scores | Sort-Object -Property MeanNegativeLogLikelihood | Select-Object -First 1).Name | Should -Be 'emma'
        }

        It 'binds -Name by position and by the Name property of piped objects' {
            (Measure-NameLikelihood 'emma' -Model $script:Model).Name | Should -Be 'emma'
            $rows = [pscustomobject]@{ Name = 'ava' }, [pscustomobject]@{ Name = 'emma' }
            ($rows | Measure-NameLikelihood -Model $script:Model).Name | Should -Be @('ava', 'emma')
        }

        It 'lower-cases names only with -LowerCase' {
            $lower = Measure-NameLikelihood -Model $script:Model -Name 'emma'
            $upper = Measure-NameLikelihood -Model $script:Model -Name 'EMMA' -LowerCase
            $upper.LogLikelihood | Should -Be $lower.LogLikelihood
        }

        It 'reports a name with an unknown character as UnknownCharacter and scores the others' {
            $scores = 'emma', 'x1', 'ava' | Measure-NameLikelihood -Model $script:Model -ErrorVariable errors -ErrorAction SilentlyContinue
            $scores.Name | Should -Be @('emma', 'ava')
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "UnknownCharacter,$script:CommandType"
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        }

        It 'gives an infinite negative log-likelihood, never NaN, to an impossible bigram' {
            $raw = New-BigramModel -Smoothing 0
            $score = Measure-NameLikelihood -Model $raw -Name 'andrejq'
            [double]::IsPositiveInfinity($score.NegativeLogLikelihood) | Should -BeTrue
            [double]::IsPositiveInfinity($score.Perplexity) | Should -BeTrue
            [double]::IsNaN($score.MeanNegativeLogLikelihood) | Should -BeFalse
        }
    }

    Context '-Summary' {
        It 'gives the lecture''s loss over the bundled names when given none' {
            $output = Measure-NameLikelihood -Model $script:Model -Summary -Verbose 4>&1
            $summary = $output | Where-Object { $_ -is [MakemorePS.Core.DatasetScore] }
            $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            ($verbose.Message -join "`n") | Should -Match 'bundled'
            $summary.NameCount | Should -Be $script:BundledNameCount
            $summary.BigramCount | Should -Be $script:BundledBigramCount
            # Worked out independently from names.txt: 2.454951 nats per bigram for add-one smoothing.
            [math]::Abs($summary.MeanNegativeLogLikelihood - 2.454951) | Should -BeLessThan 1e-6
            [math]::Abs($summary.NegativeLogLikelihood - $summary.MeanNegativeLogLikelihood * $summary.BigramCount) | Should -BeLessThan 1e-6
            [math]::Abs($summary.Perplexity - [math]::Exp($summary.MeanNegativeLogLikelihood)) | Should -BeLessThan 1e-9
        }

        It 'fails with NoInputNames when no name could be scored' {
            $failure = { 'x1', '' | Measure-NameLikelihood -Model $script:Model -Summary -ErrorAction SilentlyContinue -WarningAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }

        It 'sums the per-name scores' {
            $names = 'emma', 'olivia', 'ava'
            $scores = $names | Measure-NameLikelihood -Model $script:Model
            $summary = $names | Measure-NameLikelihood -Model $script:Model -Summary
            $summary.NameCount | Should -Be 3
            $summary.BigramCount | Should -Be (($scores | Measure-Object -Property BigramCount -Sum).Sum)
            $total = ($scores | Measure-Object -Property NegativeLogLikelihood -Sum).Sum
            [math]::Abs($summary.NegativeLogLikelihood - $total) | Should -BeLessThan 1e-9
            [math]::Abs($summary.MeanNegativeLogLikelihood - $total / $summary.BigramCount) | Should -BeLessThan 1e-12
        }
    }

    Context '-Detailed' {
        It 'emits one record per bigram whose log-probabilities add up to the name''s' {
            $bigrams = @(Measure-NameLikelihood -Model $script:Model -Name 'emma' -Detailed)
            $bigrams.Count | Should -Be 5
            $bigrams[0] | Should -BeOfType ([MakemorePS.Core.BigramScore])
            ($bigrams | ForEach-Object { $_.First + $_.Second }) | Should -Be @('.e', 'em', 'mm', 'ma', 'a.')
            $bigrams.Name | Should -Be (@('emma') * 5)
            $bigrams[1].Probability | Should -Be $script:Probability['em']
            $sum = ($bigrams | Measure-Object -Property LogProbability -Sum).Sum
            [math]::Abs($sum - (Measure-NameLikelihood -Model $script:Model -Name 'emma').LogLikelihood) | Should -BeLessThan 1e-9
        }

        It 'cannot be combined with -Summary' {
            $failure = { Measure-NameLikelihood -Model $script:Model -Name 'emma' -Detailed -Summary } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "ConflictingParameters,$script:CommandType"
        }
    }

    Context 'CSV' {
        It 'scores the Name column of a CSV file and exports the scores' {
            $people = Join-Path -Path $TestDrive -ChildPath 'people.csv'
            $scores = Join-Path -Path $TestDrive -ChildPath 'scores.csv'
            [pscustomobject]@{ Name = 'Emma'; Age = 3 }, [pscustomobject]@{ Name = 'Ava'; Age = 5 } |
                Export-Csv -LiteralPath $people -NoTypeInformation
            Import-Csv -LiteralPath $people | Measure-NameLikelihood -Model $script:Model -LowerCase |
                Export-Csv -LiteralPath $scores -NoTypeInformation
            $rows = @(Import-Csv -LiteralPath $scores)
            $rows.Name | Should -Be @('emma', 'ava')
            # Plain data for Excel: the six documented columns, and no column holding a type name such as a
            # per-bigram list that only -Detailed fills.
            $rows[0].PSObject.Properties.Name | Should -Be @('Name', 'LogLikelihood', 'NegativeLogLikelihood', 'MeanNegativeLogLikelihood', 'Perplexity', 'BigramCount')
            [double]::Parse($rows[0].LogLikelihood, [cultureinfo]::InvariantCulture) |
                Should -Be (Measure-NameLikelihood -Model $script:Model -Name 'emma').LogLikelihood
        }

        It 'fails with NoInputNames when the pipeline delivers nothing' {
            $failure = { @() | Where-Object { $_ } | Measure-NameLikelihood -Model $script:Model } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }
    }
}

Describe 'Measure-NameLikelihood with an MLP' {
    BeforeAll {
        $script:MlpCommandType = 'MakemorePS.Commands.MeasureNameLikelihoodCommand'
        $script:Mlp = Get-BundledName -Count 500 | Invoke-MlpTraining -Steps 100 -HiddenSize 24 -EmbeddingSize 5 -BatchSize 16
        $script:Dev = @(Get-BundledName | Select-Object -Last 200)
    }

    It 'gives the dev loss as MeanNegativeLogLikelihood with -Summary, the total over the names' {
        $summary = $script:Dev | Measure-NameLikelihood -Model $script:Mlp -Summary
        $perName = $script:Dev | Measure-NameLikelihood -Model $script:Mlp
        $summary.NameCount | Should -Be 200
        $summary.BigramCount | Should -Be (($script:Dev | ForEach-Object { $_.Length + 1 }) | Measure-Object -Sum).Sum
        $total = ($perName | Measure-Object -Property NegativeLogLikelihood -Sum).Sum
        [math]::Abs($summary.MeanNegativeLogLikelihood - $total / $summary.BigramCount) | Should -BeLessThan 1e-9
        $summary.MeanNegativeLogLikelihood | Should -BeGreaterThan 1
        $summary.MeanNegativeLogLikelihood | Should -BeLessThan ([math]::Log(27))
    }

    It 'lists each position with the context the MLP saw, with -Detailed' {
        $positions = @('emma' | Measure-NameLikelihood -Model $script:Mlp -Detailed)
        $positions | ForEach-Object { $_ | Should -BeOfType ([MakemorePS.Core.ContextScore]) }
        $positions.Context | Should -Be @('...', '..e', '.em', 'emm', 'mma')
        $positions.Next | Should -Be @('e', 'm', 'm', 'a', '.')
        $score = 'emma' | Measure-NameLikelihood -Model $script:Mlp
        [math]::Abs(($positions.LogProbability | Measure-Object -Sum).Sum - $score.LogLikelihood) | Should -BeLessThan 1e-9
        $positions | ForEach-Object { [math]::Abs([math]::Log($_.Probability) - $_.LogProbability) | Should -BeLessThan 1e-12 }
    }

    It 'reports a name with an unknown character and scores the rest' {
        $scores = @('emma', 'zoë', 'ava' | Measure-NameLikelihood -Model $script:Mlp -ErrorVariable problems -ErrorAction SilentlyContinue)
        $scores.Name | Should -Be @('emma', 'ava')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "UnknownCharacter,$script:MlpCommandType"
    }
}
