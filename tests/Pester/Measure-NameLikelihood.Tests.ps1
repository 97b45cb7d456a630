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

        It 'counts the scored positions as PositionCount and still answers to the old name BigramCount' {
            $scores = 'ava', 'emma' | Measure-NameLikelihood -Model $script:Model
            $scores.PositionCount | Should -Be @(4, 5)
            # Scripts written before the rename read, sort and measure BigramCount.
            $scores.BigramCount | Should -Be @(4, 5)
            ($scores | Sort-Object -Property BigramCount -Descending).Name | Should -Be @('emma', 'ava')
            ($scores | Measure-Object -Property BigramCount -Sum).Sum | Should -Be 9
            ($scores | Select-Object -Property Name, BigramCount)[1].BigramCount | Should -Be 5
            # The alias is hidden, so lists and exports show the count once, under its new name.
            $scores[0].PSObject.Properties.Name | Should -Contain 'PositionCount'
            $scores[0].PSObject.Properties.Name | Should -Not -Contain 'BigramCount'
            ($scores[0] | ConvertTo-Json | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'BigramCount'
        }

        It 'heads the positions column Positions in its default table' {
            $text = 'ava', 'emma' | Measure-NameLikelihood -Model $script:Model | Out-String
            $header = ($text -split '\r?\n' | Where-Object { $_ -match '^Name\b' })
            $header | Should -Match '\bPositions$'
            $text | Should -Not -Match 'Bigrams'
            $text | Should -Match 'emma\s.*\s5\s*(\r?\n|$)'
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

        It 'heads the total of positions Positions in its default table' {
            $summary = 'ava', 'emma' | Measure-NameLikelihood -Model $script:Model -Summary
            $summary.PositionCount | Should -Be 9
            $summary.BigramCount | Should -Be 9
            $summary.PSObject.Properties.Name | Should -Not -Contain 'BigramCount'
            $text = $summary | Out-String
            ($text -split '\r?\n' | Where-Object { $_ -match '\bNames\b' }) | Should -Match '^\s*Names\s+Positions\s+LogLikelihood'
            $text | Should -Not -Match 'Bigrams'
            $summary.ToString() | Should -BeLike '2 names, 9 positions, mean NLL *'
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

        It 'cannot be combined with -Summary: they are separate parameter sets' {
            $failure = { Measure-NameLikelihood -Model $script:Model -Name 'emma' -Detailed -Summary } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "AmbiguousParameterSet,$script:CommandType"
            $sets = (Get-Command -Name Measure-NameLikelihood).ParameterSets
            ($sets.Name | Sort-Object) | Should -Be @('Detailed', 'PerName', 'Summary')
            ($sets | Where-Object IsDefault).Name | Should -Be 'PerName'
            ($sets | Where-Object Name -EQ 'Summary').Parameters.Name | Should -Not -Contain 'Detailed'
            ($sets | Where-Object Name -EQ 'Detailed').Parameters.Name | Should -Not -Contain 'Summary'
            (Get-Command -Name Measure-NameLikelihood -Syntax) | Should -Match '-Summary \[-LowerCase\]'
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
            $rows[0].PSObject.Properties.Name | Should -Be @('Name', 'LogLikelihood', 'NegativeLogLikelihood', 'MeanNegativeLogLikelihood', 'Perplexity', 'PositionCount')
            [double]::Parse($rows[0].LogLikelihood, [cultureinfo]::InvariantCulture) |
                Should -Be (Measure-NameLikelihood -Model $script:Model -Name 'emma').LogLikelihood
        }

        It 'fails with NoInputNames when the pipeline delivers nothing' {
            $failure = { @() | Where-Object { $_ } | Measure-NameLikelihood -Model $script:Model } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }
    }
}

Describe 'Measure-NameLikelihood: empty and unusable input' {
    BeforeAll {
        $script:MeasureCommandType = 'MakemorePS.Commands.MeasureNameLikelihoodCommand'
        $script:SmallModel = 'emma', 'ava' | New-BigramModel
    }

    It 'never scores the bundled names for an empty variable given to -Name' {
        $names = $null
        $failure = { Measure-NameLikelihood -Model $script:SmallModel -Name $names -Summary -WarningAction SilentlyContinue } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:MeasureCommandType"
        $failure.Exception.Message | Should -Not -Match 'errors above'
        @(Measure-NameLikelihood -Model $script:SmallModel -Name $names -WarningAction SilentlyContinue).Count | Should -Be 0
    }

    It 'scores hashtables with a Name key and refuses other objects one by one' {
        $scores = @{ Name = 'emma' }, 42, 'ava' | Measure-NameLikelihood -Model $script:SmallModel -ErrorVariable refused -ErrorAction SilentlyContinue
        $scores.Name | Should -Be @('emma', 'ava')
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be "ParameterArgumentTransformationError,$script:MeasureCommandType"
        $refused[0].Exception.Message | Should -Match "The Int32 '42' is not a name"
        # It reads no files itself: it points to Get-Content, not to a -Path it does not have.
        $refused[0].Exception.Message | Should -Not -Match '-Path'
        $refused[0].Exception.Message | Should -Match 'Get-Content'
    }

    It 'says that an empty -Name held no names, not that it held only blank ones' {
        $failure = { Measure-NameLikelihood -Model $script:SmallModel -Name @() -Summary } | Should -Throw -ErrorId "NoInputNames,$script:MeasureCommandType" -PassThru
        $failure.Exception.Message | Should -Match 'input was empty'
        $failure.Exception.Message | Should -Not -Match 'only blank'
        $blank = { Measure-NameLikelihood -Model $script:SmallModel -Name '', ' ' -Summary -WarningAction SilentlyContinue } | Should -Throw -ErrorId "NoInputNames,$script:MeasureCommandType" -PassThru
        $blank.Exception.Message | Should -Match 'only blank names'
    }

    It 'says, when every piped object was refused, that none was a name rather than that nothing came' {
        $failure = { 42 | Measure-NameLikelihood -Model $script:SmallModel -ErrorAction SilentlyContinue } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:MeasureCommandType"
        $failure.Exception.Message | Should -Not -Match 'it produced nothing\.'
        $failure.Exception.Message | Should -Match 'nothing that is a name'
    }

    It 'warns about one blank line in the singular' {
        $null = 'emma', '' | Measure-NameLikelihood -Model $script:SmallModel -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings[0].Message | Should -Be 'Skipped 1 blank line.'
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

    It 'shows the MLP''s scored positions under Positions, not Bigrams, per name and in the summary' {
        $perName = 'emma' | Measure-NameLikelihood -Model $script:Mlp
        $perName.PositionCount | Should -Be 5
        $perNameText = $perName | Out-String
        $perNameText | Should -Match '\bPositions\b'
        $perNameText | Should -Not -Match 'Bigrams'
        $summaryText = $script:Dev | Measure-NameLikelihood -Model $script:Mlp -Summary | Out-String
        $summaryText | Should -Match '\bPositions\b'
        $summaryText | Should -Not -Match 'Bigrams'
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

    It 'scores with an MLP loaded from its file as with the MLP that was saved, -Detailed too' {
        $file = Join-Path -Path $TestDrive -ChildPath 'mlp.json'
        $script:Mlp | Export-BigramModel -Path $file
        $loaded = Import-BigramModel -LiteralPath $file
        $positions = @('emma', 'ava' | Measure-NameLikelihood -Model $loaded -Detailed)
        $expected = @('emma', 'ava' | Measure-NameLikelihood -Model $script:Mlp -Detailed)
        $positions.Count | Should -Be 9
        $positions.Context | Should -Be $expected.Context
        $positions.LogProbability | Should -Be $expected.LogProbability
        ($script:Dev | Measure-NameLikelihood -Model $loaded -Summary).LogLikelihood | Should -Be ($script:Dev | Measure-NameLikelihood -Model $script:Mlp -Summary).LogLikelihood
    }

    It 'reports a name with an unknown character and scores the rest' {
        $scores = @('emma', 'zoë', 'ava' | Measure-NameLikelihood -Model $script:Mlp -ErrorVariable problems -ErrorAction SilentlyContinue)
        $scores.Name | Should -Be @('emma', 'ava')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "UnknownCharacter,$script:MlpCommandType"
    }
}
