BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.ExportTrainingChartCommand'
    $script:Neural = Invoke-BigramTraining -Steps 30
}

Describe 'Export-TrainingChart' {
    Context 'Drawing' {
        It 'draws the loss history of a piped model with axis titles and a legend' {
            $file = Join-Path -Path $TestDrive -ChildPath 'loss.svg'
            $script:Neural | Export-TrainingChart -Path $file
            $texts = Get-SvgText -LiteralPath $file
            $texts | Should -Contain 'Training loss'
            $texts | Should -Contain 'step'
            $texts | Should -Contain 'loss'
            $texts | Should -Contain 'NLL'
            $texts | Should -Contain 'regularization'
            (Get-Content -LiteralPath $file -Raw) | Should -Match 'width="800" height="500"'
        }

        It 'draws the records of Invoke-BigramTraining -AsTrainingRecord like the model they come from' {
            $fromModel = Join-Path -Path $TestDrive -ChildPath 'model.svg'
            $fromRecords = Join-Path -Path $TestDrive -ChildPath 'records.svg'
            $script:Neural | Export-TrainingChart -Path $fromModel
            Invoke-BigramTraining -Steps 30 -AsTrainingRecord | Export-TrainingChart -Path $fromRecords
            (Get-FileHash -LiteralPath $fromRecords).Hash | Should -Be (Get-FileHash -LiteralPath $fromModel).Hash
        }

        It 'draws a one-step run, of a model or of its record, as dots over step 1' {
            $fromModel = Join-Path -Path $TestDrive -ChildPath 'one-step-model.svg'
            $fromRecord = Join-Path -Path $TestDrive -ChildPath 'one-step-record.svg'
            Invoke-BigramTraining -Steps 1 | Export-TrainingChart -Path $fromModel
            Invoke-BigramTraining -Steps 1 -AsTrainingRecord | Export-TrainingChart -Path $fromRecord
            foreach ($file in $fromModel, $fromRecord) {
                # The step axis's only label is "1"; the loss, its NLL part and its regularization part are dots above it.
                $step = @(Get-SvgElement -LiteralPath $file -Name text | Where-Object InnerText -EQ '1')
                $step.Count | Should -Be 1
                $x = [double]($step[0].GetAttribute('transform') -replace '^translate\(([^,]+),.*$', '$1')
                $dots = @(Get-SvgElement -LiteralPath $file -Name ellipse | Where-Object { [math]::Abs([double]$_.GetAttribute('cx') - $x) -lt 0.01 })
                $dots.Count | Should -Be 3
                @($dots | Where-Object { $_.GetAttribute('style') -match 'fill:rgb\(31,119,180\)' }).Count | Should -Be 2
                $dots | ForEach-Object { [double]$_.GetAttribute('rx') | Should -BeGreaterOrEqual 3 }
            }
        }

        It 'draws one labelled series per run, from models or from records, with a log scale' {
            $file = Join-Path -Path $TestDrive -ChildPath 'runs.svg'
            $fast = Invoke-BigramTraining -Steps 10 -LearningRate 50
            $slow = Invoke-BigramTraining -Steps 10 -LearningRate 5
            $fast, $slow | Export-TrainingChart -Path $file -Label 'fast', 'slow' -LogScale -Title 'Two & more'
            $texts = Get-SvgText -LiteralPath $file
            $texts | Should -Contain 'Two & more'
            $texts | Should -Contain 'fast: loss'
            $texts | Should -Contain 'slow: loss'
            $texts | Should -Contain 'loss (log scale)'

            $records = Join-Path -Path $TestDrive -ChildPath 'records-runs.svg'
            @(Invoke-BigramTraining -Steps 5 -AsTrainingRecord) + @(Invoke-BigramTraining -Steps 5 -AsTrainingRecord -LearningRate 5) |
                Export-TrainingChart -Path $records
            $texts = Get-SvgText -LiteralPath $records
            $texts | Should -Contain 'run 1: loss'
            $texts | Should -Contain 'run 2: loss'
        }

        It 'takes -Width and -Height and emits the file with -PassThru' {
            $file = Join-Path -Path $TestDrive -ChildPath 'sized.svg'
            $script:Neural | Export-TrainingChart -Path $file -Width 1024 -Height 300 | Should -BeNullOrEmpty
            (Get-Content -LiteralPath $file -Raw) | Should -Match 'width="1024" height="300"'
            $info = $script:Neural | Export-TrainingChart -LiteralPath $file -PassThru
            $info | Should -BeOfType ([System.IO.FileInfo])
            $info.FullName | Should -Be (Get-Item -LiteralPath $file).FullName
        }

        It 'draws the rows of a CSV file of training records like the records themselves' {
            $csv = Join-Path -Path $TestDrive -ChildPath 'steps.csv'
            $fromRecords = Join-Path -Path $TestDrive -ChildPath 'csv-records.svg'
            $fromCsv = Join-Path -Path $TestDrive -ChildPath 'csv-rows.svg'
            $records = Invoke-BigramTraining -Steps 15 -AsTrainingRecord
            $records | Export-Csv -LiteralPath $csv -NoTypeInformation
            $records | Export-TrainingChart -Path $fromRecords
            Import-Csv -LiteralPath $csv | Export-TrainingChart -Path $fromCsv
            (Get-FileHash -LiteralPath $fromCsv).Hash | Should -Be (Get-FileHash -LiteralPath $fromRecords).Hash
        }

        It 'draws an MLP model''s loss history with its dev loss, and the MLP''s streamed records' {
            $file = Join-Path -Path $TestDrive -ChildPath 'mlp.svg'
            $mlp = Get-BundledName -Count 500 | Invoke-MlpTraining -Steps 60 -HiddenSize 16 -ValidationName (Get-BundledName | Select-Object -Last 200) -DevLossInterval 20
            $mlp | Export-TrainingChart -Path $file -Label 'mlp'
            $texts = Get-SvgText -LiteralPath $file
            $texts | Should -Contain 'mlp: loss'
            $texts | Should -Contain 'mlp: dev loss'

            $records = Join-Path -Path $TestDrive -ChildPath 'mlp-records.svg'
            Get-BundledName -Count 500 | Invoke-MlpTraining -Steps 30 -HiddenSize 16 -AsTrainingRecord | Export-TrainingChart -Path $records
            Get-SvgText -LiteralPath $records | Should -Contain 'loss'
        }

        It 'draws an MLP loaded from its file as it drew the MLP that was saved' {
            $saved = Join-Path -Path $TestDrive -ChildPath 'mlp.json'
            $mlp = Get-BundledName -Count 500 | Invoke-MlpTraining -Steps 60 -HiddenSize 16 -ValidationName (Get-BundledName | Select-Object -Last 200) -DevLossInterval 20
            $mlp | Export-BigramModel -Path $saved
            $fromModel = Join-Path -Path $TestDrive -ChildPath 'trained.svg'
            $fromFile = Join-Path -Path $TestDrive -ChildPath 'loaded.svg'
            $mlp | Export-TrainingChart -Path $fromModel -Label 'mlp'
            Import-BigramModel -LiteralPath $saved | Export-TrainingChart -Path $fromFile -Label 'mlp'
            Get-SvgText -LiteralPath $fromFile | Should -Contain 'mlp: dev loss'
            (Get-FileHash -LiteralPath $fromFile).Hash | Should -Be (Get-FileHash -LiteralPath $fromModel).Hash
        }

        It 'takes a model by -InputObject' {
            $file = Join-Path -Path $TestDrive -ChildPath 'input.svg'
            Export-TrainingChart -InputObject $script:Neural -Path $file
            Get-SvgText -LiteralPath $file | Should -Contain 'NLL'
        }

        It 'reports input that is neither a model nor a record, and draws the rest' {
            $file = Join-Path -Path $TestDrive -ChildPath 'garbage.svg'
            'not a record', [pscustomobject]@{ Step = 'x'; Loss = 1 }, $script:Neural |
                Export-TrainingChart -Path $file -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems.Count | Should -Be 2
            $problems | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be "InvalidChartInput,$script:CommandType" }
            Test-Path -LiteralPath $file | Should -BeTrue
        }

        It 'reports a model without a loss history and still draws the others' {
            $file = Join-Path -Path $TestDrive -ChildPath 'mixed.svg'
            $counts = New-BigramModel
            $counts, $script:Neural | Export-TrainingChart -Path $file -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -Be "NoChartData,$script:CommandType"
            Test-Path -LiteralPath $file | Should -BeTrue
        }
    }

    Context 'Overwriting' {
        BeforeEach {
            $script:File = Join-Path -Path $TestDrive -ChildPath 'existing.svg'
            Invoke-BigramTraining -Steps 3 | Export-TrainingChart -Path $script:File
            $script:Before = Get-FileHash -LiteralPath $script:File
        }

        AfterEach {
            if (Test-Path -LiteralPath $script:File) {
                (Get-Item -LiteralPath $script:File).IsReadOnly = $false
                Remove-Item -LiteralPath $script:File -Force
            }
        }

        It 'writes nothing with -WhatIf' {
            $script:Neural | Export-TrainingChart -Path $script:File -WhatIf
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
        }

        It 'stops with FileExists with -NoClobber and FileReadOnly without -Force, leaving the file alone' {
            $failure = { $script:Neural | Export-TrainingChart -Path $script:File -NoClobber } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileExists,$script:CommandType"
            (Get-Item -LiteralPath $script:File).IsReadOnly = $true
            $failure = { $script:Neural | Export-TrainingChart -Path $script:File } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileReadOnly,$script:CommandType"
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
            $script:Neural | Export-TrainingChart -Path $script:File -Force
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Not -Be $script:Before.Hash
        }

        It 'keeps a read-only file read-only when -Force replaces it, as Export-BigramModel and Out-File do' {
            (Get-Item -LiteralPath $script:File).IsReadOnly = $true
            $script:Neural | Export-TrainingChart -Path $script:File -Force
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Not -Be $script:Before.Hash
            (Get-Item -LiteralPath $script:File).IsReadOnly | Should -BeTrue
        }

        It 'only says what it would do under -WhatIf, with -NoClobber or on a read-only file, as Out-File does' {
            $script:Neural | Export-TrainingChart -Path $script:File -NoClobber -WhatIf -ErrorVariable problems
            $problems.Count | Should -Be 0
            (Get-Item -LiteralPath $script:File).IsReadOnly = $true
            $script:Neural | Export-TrainingChart -Path $script:File -WhatIf -ErrorVariable problems
            $problems.Count | Should -Be 0
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
        }
    }

    Context 'Errors' {
        It 'stops with NoChartData when there is no loss to draw' {
            $file = Join-Path -Path $TestDrive -ChildPath 'none.svg'
            $failure = { New-BigramModel | Export-TrainingChart -Path $file -ErrorAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoChartData,$script:CommandType"
            Test-Path -LiteralPath $file | Should -BeFalse
        }

        It 'stops with InvalidChartInput for more labels than runs' {
            $file = Join-Path -Path $TestDrive -ChildPath 'labels.svg'
            $failure = { $script:Neural | Export-TrainingChart -Path $file -Label 'a', 'b' } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidChartInput,$script:CommandType"
            Test-Path -LiteralPath $file | Should -BeFalse
        }
    }
}
