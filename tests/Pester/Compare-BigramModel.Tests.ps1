BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.CompareBigramModelCommand'
    $script:Counts = New-BigramModel
    $script:Neural = Invoke-BigramTraining -Steps 50
}

Describe 'Compare-BigramModel' {
    It 'finds no difference between a model and itself' {
        $comparison = Compare-BigramModel -ReferenceModel $script:Counts -DifferenceModel $script:Counts
        $comparison | Should -BeOfType ([MakemorePS.Core.ModelComparison])
        $comparison.MaxAbsoluteDifference | Should -Be 0
        $comparison.KLDivergence | Should -Be 0
        $comparison.Rows.Count | Should -Be 27
        $comparison.Rows.Symbol | Should -Be $script:BundledSymbols
    }

    It 'measures how far a trained network is from the count model, overall and per row' {
        $comparison = Compare-BigramModel $script:Counts $script:Neural
        $comparison.MaxAbsoluteDifference | Should -BeGreaterThan 0
        $comparison.MaxAbsoluteDifference | Should -BeLessThan 1
        $comparison.KLDivergence | Should -BeGreaterThan 0
        [double]::IsInfinity($comparison.KLDivergence) | Should -BeFalse
        ($comparison.Rows | Measure-Object -Property MaxAbsoluteDifference -Maximum).Maximum | Should -Be $comparison.MaxAbsoluteDifference
        $probabilities = $script:Counts | Get-BigramProbability
        $trained = $script:Neural | Get-BigramProbability
        $largest = 0.0
        for ($i = 0; $i -lt $probabilities.Count; $i++) {
            $largest = [math]::Max($largest, [math]::Abs($probabilities[$i].Probability - $trained[$i].Probability))
        }
        [math]::Abs($comparison.MaxAbsoluteDifference - $largest) | Should -BeLessThan 1e-15
    }

    It 'weighs the rows by the reference model''s counts' {
        $comparison = Compare-BigramModel $script:Counts $script:Neural
        $rowTotals = @{}
        foreach ($record in Get-BigramCounts) {
            $rowTotals[$record.First] += $record.Count
        }
        $weighted = 0.0
        foreach ($row in $comparison.Rows) {
            $weighted += $row.KLDivergence * $rowTotals[$row.Symbol] / $script:BundledBigramCount
        }
        [math]::Abs($comparison.KLDivergence - $weighted) | Should -BeLessThan 1e-10
    }

    It 'takes difference models from the pipeline, each against the same reference' {
        $comparisons = @($script:Neural, $script:Counts | Compare-BigramModel $script:Counts)
        $comparisons.Count | Should -Be 2
        $comparisons[0].KLDivergence | Should -BeGreaterThan 0
        $comparisons[1].KLDivergence | Should -Be 0
    }

    It 'gets closer as training goes on' {
        $longer = $script:Neural | Invoke-BigramTraining -Steps 150
        (Compare-BigramModel $script:Counts $longer).KLDivergence | Should -BeLessThan (Compare-BigramModel $script:Counts $script:Neural).KLDivergence
    }

    It 'reports an honest infinity when the difference model rules out a possible bigram' {
        $raw = New-BigramModel -Smoothing 0
        $comparison = Compare-BigramModel -ReferenceModel $script:Counts -DifferenceModel $raw
        [double]::IsPositiveInfinity($comparison.KLDivergence) | Should -BeTrue
        [double]::IsNaN($comparison.MaxAbsoluteDifference) | Should -BeFalse
    }

    It 'shows a table by default' {
        $text = Compare-BigramModel $script:Counts $script:Neural | Out-String
        $text | Should -Match 'MaxAbsoluteDifference'
        $text | Should -Match 'KLDivergence'
    }

    It 'reports VocabularyMismatch for models of different characters' {
        $ab = 'ab' | New-BigramModel
        $cd = 'cd' | New-BigramModel
        $failure = { Compare-BigramModel $ab $cd -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "VocabularyMismatch,$script:CommandType"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses an MLP with BigramModelRequired, pointing to Measure-NameLikelihood -Summary' {
        $mlp = Get-BundledName -Count 200 | Invoke-MlpTraining -Steps 20 -HiddenSize 8
        $failure = { Compare-BigramModel -ReferenceModel $mlp -DifferenceModel $script:Counts } | Should -Throw -ErrorId "BigramModelRequired,$script:CommandType" -PassThru
        $failure.Exception.Message | Should -Match 'Measure-NameLikelihood -Model \$model -Summary'
        $results = @($mlp, $script:Neural | Compare-BigramModel $script:Counts -ErrorVariable refused -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 1
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be "BigramModelRequired,$script:CommandType"
        $refused[0].TargetObject | Should -Be $mlp
    }

    It 'compares the other piped models when one has another vocabulary' {
        $ab = 'ab' | New-BigramModel
        $cd = 'cd' | New-BigramModel
        $ba = 'ba' | New-BigramModel
        $results = @($cd, $ba, $ab | Compare-BigramModel $ab -ErrorVariable mismatches -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 2
        $results[1].MaxAbsoluteDifference | Should -Be 0
        $mismatches.Count | Should -Be 1
        $mismatches[0].FullyQualifiedErrorId | Should -Be "VocabularyMismatch,$script:CommandType"
        $mismatches[0].TargetObject | Should -Be $cd
    }
}
