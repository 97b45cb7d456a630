BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.GetBigramProbabilityCommand'
    $script:Model = New-BigramModel
    $script:Records = @($script:Model | Get-BigramProbability)
}

Describe 'Get-BigramProbability' {
    Context 'Records' {
        It 'emits all V x V pairs in vocabulary order' {
            $script:Records.Count | Should -Be (27 * 27)
            $script:Records[0] | Should -BeOfType ([MakemorePS.Core.BigramProbabilityRecord])
            $script:Records[0].First | Should -Be '.'
            $script:Records[0].Second | Should -Be '.'
            $script:Records[1].Second | Should -Be 'a'
            $script:Records[27].First | Should -Be 'a'
            $script:Records[-1].First + $script:Records[-1].Second | Should -Be 'zz'
        }

        It 'has rows that each sum to 1' {
            foreach ($row in $script:Records | Group-Object -Property First) {
                $sum = ($row.Group | Measure-Object -Property Probability -Sum).Sum
                [math]::Abs($sum - 1) | Should -BeLessThan 1e-12
            }
        }

        It 'gives the smoothed counts of a count model' {
            $counts = @{}
            foreach ($record in Get-BigramCounts) {
                $counts[$record.First + $record.Second] = $record.Count
            }
            $rowTotal = ($counts.Keys | Where-Object { $_[0] -eq 'q' } | ForEach-Object { $counts[$_] } | Measure-Object -Sum).Sum
            $qu = $script:Records | Where-Object { $_.First -eq 'q' -and $_.Second -eq 'u' }
            [math]::Abs($qu.Probability - ($counts['qu'] + 1) / ($rowTotal + 27)) | Should -BeLessThan 1e-12
        }

        It 'works with Where-Object and Sort-Object: the likeliest first letter is a' {
            $top = $script:Records | Where-Object First -EQ '.' | Sort-Object -Property Probability -Descending | Select-Object -First 1
            $top.Second | Should -Be 'a'
        }

        It 'takes the model from the pipeline or from -Model alike' {
            (Get-BigramProbability -Model $script:Model).Probability | Should -Be $script:Records.Probability
        }
    }

    Context '-AsMatrix and Export-Csv' {
        It 'emits one row per current character: First, then one column per next character' {
            $rows = @($script:Model | Get-BigramProbability -AsMatrix)
            $rows.Count | Should -Be 27
            $rows[0].PSObject.Properties.Name | Should -Be (@('First') + $script:BundledSymbols)
            $rows.First | Should -Be $script:BundledSymbols
            ($rows | Where-Object First -EQ 'q').u | Should -Be ($script:Records | Where-Object { $_.First -eq 'q' -and $_.Second -eq 'u' }).Probability
        }

        It 'round-trips through Export-Csv and Import-Csv as the 27x27 table with exact numbers' {
            $csv = Join-Path -Path $TestDrive -ChildPath 'probabilities.csv'
            $script:Model | Get-BigramProbability -AsMatrix | Export-Csv -LiteralPath $csv -NoTypeInformation
            $lines = @(Get-Content -LiteralPath $csv)
            $lines.Count | Should -Be 28
            ($lines[0] -split ',')[0] | Should -Be '"First"'
            ($lines[0] -split ',').Count | Should -Be 28

            $rows = @(Import-Csv -LiteralPath $csv)
            $rows.Count | Should -Be 27
            $rows.First | Should -Be $script:BundledSymbols
            $index = 0
            foreach ($row in $rows) {
                $sum = 0.0
                foreach ($symbol in $script:BundledSymbols) {
                    $value = [double]::Parse($row.$symbol, [cultureinfo]::InvariantCulture)
                    $value | Should -Be $script:Records[$index].Probability
                    $sum += $value
                    $index++
                }
                [math]::Abs($sum - 1) | Should -BeLessThan 1e-12
            }
        }

        It 'round-trips through ConvertTo-Json as plain data' {
            $json = $script:Model | Get-BigramProbability | Select-Object -First 3 | ConvertTo-Json
            $back = @($json | ConvertFrom-Json)
            $back.Count | Should -Be 3
            $back[1].First | Should -Be '.'
            $back[1].Second | Should -Be 'a'
            $back[1].Probability | Should -Be $script:Records[1].Probability
        }
    }

    Context 'Errors' {
        It 'requires a model' {
            $failure = { Get-BigramProbability -Model $null } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
        }

        It 'refuses an MLP with BigramModelRequired, pointing to Measure-NameLikelihood, and goes on with the next model' {
            $mlp = Get-BundledName -Count 200 | Invoke-MlpTraining -Steps 20 -HiddenSize 8
            { Get-BigramProbability -Model $mlp -ErrorAction Stop } | Should -Throw -ErrorId "BigramModelRequired,$script:CommandType"
            $records = @($mlp, $script:Model | Get-BigramProbability -ErrorVariable refused -ErrorAction SilentlyContinue)
            $records.Count | Should -Be (27 * 27)
            $refused.Count | Should -Be 1
            $refused[0].FullyQualifiedErrorId | Should -Be "BigramModelRequired,$script:CommandType"
            $refused[0].Exception.Message | Should -Match 'Measure-NameLikelihood -Detailed'
        }
    }
}
