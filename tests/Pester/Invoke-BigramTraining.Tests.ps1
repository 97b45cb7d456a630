BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.InvokeBigramTrainingCommand'
    $script:Counts = New-BigramModel
}

Describe 'Invoke-BigramTraining' {
    Context 'Training on the bundled names' {
        BeforeAll {
            $script:Neural = Invoke-BigramTraining -Steps 100
        }

        It 'returns a neural model with one loss record per step' {
            $script:Neural | Should -BeOfType ([MakemorePS.Core.BigramModel])
            $script:Neural.Kind | Should -Be 'Neural'
            $script:Neural.Steps | Should -Be 100
            $script:Neural.LossHistory.Count | Should -Be 100
            $script:Neural.LossHistory.Step | Should -Be (1..100)
            $script:Neural.VocabularySize | Should -Be 27
            $script:Neural.NameCount | Should -Be $script:BundledNameCount
        }

        It 'lowers the loss towards the count model, never below the best possible' {
            $history = $script:Neural.LossHistory
            $history[0].Loss | Should -BeGreaterThan 3
            $script:Neural.FinalLoss | Should -BeLessThan 2.55
            $script:Neural.FinalLoss | Should -BeLessThan $history[0].Loss
            # The unsmoothed count model has the lowest negative log-likelihood any bigram model can reach.
            $best = Measure-NameLikelihood -Model (New-BigramModel -Smoothing 0) -Summary
            $history[-1].NegativeLogLikelihood | Should -BeGreaterThan ($best.MeanNegativeLogLikelihood - 1e-6)
        }

        It 'records the loss as negative log-likelihood plus regularization' {
            foreach ($record in $script:Neural.LossHistory) {
                [math]::Abs($record.Loss - ($record.NegativeLogLikelihood + $record.Regularization)) | Should -BeLessThan 1e-9
                $record.GradientNorm | Should -BeGreaterThan 0
            }
        }

        It 'records for each step the loss of the weights before its update' {
            # Step 101 starts from the model after 100 steps, so its record is that model's loss on the names.
            $next = $script:Neural | Invoke-BigramTraining -Steps 1
            $score = Measure-NameLikelihood -Model $script:Neural -Summary
            $recorded = $next.LossHistory[100].NegativeLogLikelihood
            [math]::Abs($recorded - $score.MeanNegativeLogLikelihood) | Should -BeLessThan (1e-5 * $recorded)
        }

        It 'shows kind, steps and final loss in its default view' {
            $text = $script:Neural | Out-String
            $text | Should -Match 'Neural'
            $text | Should -Match '\b100\b'
            $text | Should -Match ([regex]::Escape($script:Neural.FinalLoss.ToString('F4', [cultureinfo]::InvariantCulture)))
        }
    }

    Context 'Initialization and reproducibility' {
        It 'starts at ln V with zero weights and no regularization' {
            $model = Invoke-BigramTraining -Steps 1 -Initialization Zeros -Regularization 0
            $model.LossHistory[0].Loss | Should -BeGreaterThan ([math]::Log(27) - 1e-6)
            $model.LossHistory[0].Loss | Should -BeLessThan ([math]::Log(27) + 1e-6)
        }

        It 'starts exactly at the add-one count model with -Initialization LogCounts' {
            $start = Invoke-BigramTraining -Model $script:Counts -Initialization LogCounts -Steps 0
            $start.Kind | Should -Be 'Neural'
            $start.Steps | Should -Be 0
            (Compare-BigramModel -ReferenceModel $script:Counts -DifferenceModel $start).MaxAbsoluteDifference | Should -BeLessThan 1e-6
        }

        It 'gives the same model for the same seed and a different one for another seed' {
            $first = Invoke-BigramTraining -Steps 5 -Seed 42
            $again = Invoke-BigramTraining -Steps 5 -Seed 42
            $other = Invoke-BigramTraining -Steps 5 -Seed 43
            $again.LossHistory.Loss | Should -Be $first.LossHistory.Loss
            ($again | Get-BigramProbability).Probability | Should -Be ($first | Get-BigramProbability).Probability
            $other.LossHistory[0].Loss | Should -Not -Be $first.LossHistory[0].Loss
        }

        It 'trains reproducibly on seeded mini-batches' {
            $names = 'emma', 'olivia', 'ava', 'isabella', 'sophia'
            $first = $names | Invoke-BigramTraining -Steps 20 -BatchSize 8 -Seed 7
            $again = $names | Invoke-BigramTraining -Steps 20 -BatchSize 8 -Seed 7
            $full = $names | Invoke-BigramTraining -Steps 20 -Seed 7
            $again.LossHistory.Loss | Should -Be $first.LossHistory.Loss
            $first.LossHistory.Loss | Should -Not -Be $full.LossHistory.Loss
        }
    }

    Context 'Continuing from a model' {
        It 'continues a neural model from its weights and history' {
            $ten = Invoke-BigramTraining -Steps 10 -Initialization Zeros
            $fifteen = $ten | Invoke-BigramTraining -Steps 5
            $direct = Invoke-BigramTraining -Steps 15 -Initialization Zeros
            $fifteen.Steps | Should -Be 15
            $fifteen.LossHistory.Step | Should -Be (1..15)
            $fifteen.LossHistory[0..9].Loss | Should -Be $ten.LossHistory.Loss
            $fifteen.LossHistory.Loss | Should -Be $direct.LossHistory.Loss
        }

        It 'warns, once, that -Initialization changes nothing for a neural model it continues' {
            $ten = Invoke-BigramTraining -Steps 10 -Initialization Zeros
            $plain = $ten | Invoke-BigramTraining -Steps 5
            $again = $ten, $ten | Invoke-BigramTraining -Steps 5 -Initialization Random -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Be '-Initialization applies to a new model only: a continued model keeps its weights, so it changes nothing.'
            $again[0].LossHistory.Loss | Should -Be $plain.LossHistory.Loss
            $null = $script:Counts | Invoke-BigramTraining -Steps 1 -Initialization LogCounts -WarningVariable countWarnings
            $countWarnings | Should -BeNullOrEmpty
        }

        It 'trains on the counts of a count model' {
            $fromModel = $script:Counts | Invoke-BigramTraining -Steps 3 -Initialization Zeros
            $fromNames = Invoke-BigramTraining -Steps 3 -Initialization Zeros
            $fromModel.LossHistory.Loss | Should -Be $fromNames.LossHistory.Loss
            $fromModel.TrainingNames.Count | Should -Be $script:Counts.TrainingNames.Count
        }
    }

    Context '-AsTrainingRecord and checkpoints' {
        It 'emits one TrainingRecord per step instead of the model' {
            $records = @(Invoke-BigramTraining -Steps 20 -AsTrainingRecord)
            $records.Count | Should -Be 20
            $records | ForEach-Object { $_ | Should -BeOfType ([MakemorePS.Core.TrainingRecord]) }
            $records.Step | Should -Be (1..20)
        }

        It 'round-trips the records through Export-Csv' {
            $records = @(Invoke-BigramTraining -Steps 20 -AsTrainingRecord)
            $csv = Join-Path -Path $TestDrive -ChildPath 'loss.csv'
            $records | Export-Csv -LiteralPath $csv -NoTypeInformation
            $rows = @(Import-Csv -LiteralPath $csv)
            $rows.Count | Should -Be 20
            $rows[0].PSObject.Properties.Name | Should -Contain 'Step'
            $rows[0].PSObject.Properties.Name | Should -Contain 'Loss'
            $loaded = $rows | ForEach-Object { [double]::Parse($_.Loss, [cultureinfo]::InvariantCulture) }
            $loaded | Should -Be $records.Loss
        }

        It 'keeps the model in the checkpoint file when -AsTrainingRecord emits records' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'trained.json'
            $records = @(Invoke-BigramTraining -Steps 30 -CheckpointInterval 10 -CheckpointPath $checkpoint -AsTrainingRecord)
            Test-Path -LiteralPath $checkpoint | Should -BeTrue
            $model = Import-BigramModel -LiteralPath $checkpoint
            $model.Steps | Should -Be 30
            $model.LossHistory.Loss | Should -Be $records.Loss
        }

        It 'stops with DirectoryNotFound when the checkpoint folder does not exist' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'no-such-folder/trained.json'
            $failure = { Invoke-BigramTraining -Steps 1 -CheckpointPath $checkpoint } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "DirectoryNotFound,$script:CommandType"
        }

        It 'saves the model trained so far when the pipeline is stopped' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'stopped.json'
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript({
                        param($Manifest, $Checkpoint)
                        Import-Module -Name $Manifest
                        Invoke-BigramTraining -Steps 100000000 -CheckpointPath $Checkpoint -CheckpointInterval 100000000 -AsTrainingRecord
                    }).AddArgument($script:ManifestPath).AddArgument($checkpoint)
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $none = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $none.Complete()
                $running = $shell.BeginInvoke($none, $output)
                $deadline = [datetime]::UtcNow.AddSeconds(60)
                while ($output.Count -lt 3 -and [datetime]::UtcNow -lt $deadline -and -not $running.IsCompleted) {
                    Start-Sleep -Milliseconds 20
                }
                $output.Count | Should -BeGreaterOrEqual 3
                $shell.Stop()
                # Read the checkpoint only once the invocation itself has ended, as a host waits before its next prompt.
                $running.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(60)) | Should -BeTrue
            }
            finally {
                $shell.Dispose()
            }

            Test-Path -LiteralPath $checkpoint | Should -BeTrue
            $saved = Import-BigramModel -LiteralPath $checkpoint
            $saved.Steps | Should -BeGreaterOrEqual 3
            $saved.Steps | Should -BeLessThan 100000000
        }
    }

    Context 'Errors' {
        It 'stops with TrainingDiverged when the loss overflows' {
            $failure = { 'emma', 'ava' | Invoke-BigramTraining -Steps 20 -LearningRate ([float]::MaxValue) } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "TrainingDiverged,$script:CommandType"
            $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
            $failure.Exception.Message | Should -Match '-LearningRate'
        }

        It 'rejects settings out of range as invalid arguments' {
            $steps = { 'ab' | Invoke-BigramTraining -Steps -1 } | Should -Throw -PassThru
            $steps.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
            $rate = { 'ab' | Invoke-BigramTraining -LearningRate 0 } | Should -Throw -PassThru
            $rate.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
            $initialization = { 'ab' | Invoke-BigramTraining -Initialization Ones } | Should -Throw -PassThru
            $initialization.FullyQualifiedErrorId | Should -Be "CannotConvertArgumentNoMessage,$script:CommandType"
        }

        It 'fails with NoInputNames when the pipeline delivers nothing' {
            $failure = { @() | Where-Object { $_ } | Invoke-BigramTraining -Steps 1 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }
    }
}

Describe 'Invoke-BigramTraining: output, input rules and protected checkpoints' {
    BeforeAll {
        $script:TrainCommandType = 'MakemorePS.Commands.InvokeBigramTrainingCommand'
        $script:Small = 'emma', 'olivia', 'ava' | New-BigramModel
    }

    It 'emits the model, whose LossHistory holds the records -AsTrainingRecord emits' {
        $model = Invoke-BigramTraining -Steps 20
        $model | Should -BeOfType ([MakemorePS.Core.BigramModel])
        $records = @(Invoke-BigramTraining -Steps 20 -AsTrainingRecord)
        $model.LossHistory.Loss | Should -Be $records.Loss
        (Get-Command -Name Invoke-BigramTraining).Parameters.Keys | Should -Not -Contain 'PassThru'
    }

    It 'exports the loss of every step with the documented one-liners' {
        $direct = Join-Path -Path $TestDrive -ChildPath 'direct.csv'
        $fromModel = Join-Path -Path $TestDrive -ChildPath 'model.csv'
        $script:Small | Invoke-BigramTraining -Steps 15 -AsTrainingRecord | Export-Csv -LiteralPath $direct -NoTypeInformation
        ($script:Small | Invoke-BigramTraining -Steps 15).LossHistory | Export-Csv -LiteralPath $fromModel -NoTypeInformation
        @(Import-Csv -LiteralPath $direct).Count | Should -Be 15
        Get-Content -LiteralPath $fromModel | Should -Be (Get-Content -LiteralPath $direct)
    }

    It 'keeps a bounded loss history on long runs while Steps counts every step' {
        $model = $script:Small | Invoke-BigramTraining -Steps 3000 -LearningRate 1
        $model.Steps | Should -Be 3000
        $model.LossHistory.Count | Should -BeLessOrEqual 2000
        $model.LossHistory[-1].Step | Should -Be 3000
        $model.LossHistory[0].Step | Should -Be 1
    }

    It 'trains both the piped names and the piped models, whatever their order' {
        $namesFirst = @('emma', 'ava', $script:Small | Invoke-BigramTraining -Steps 1)
        $namesFirst.Count | Should -Be 2
        ($namesFirst | Where-Object NameCount -EQ 2).TrainingNames | Should -Be @('emma', 'ava')
        $modelFirst = @($script:Small, 'emma', 'ava' | Invoke-BigramTraining -Steps 1)
        $modelFirst.Count | Should -Be 2
        ($modelFirst.NameCount | Sort-Object) | Should -Be @(2, 3)
    }

    It 'never falls back to the bundled names for an empty variable given to -Name' {
        $names = @() | Where-Object { $_ }
        $failure = { Invoke-BigramTraining -Name $names -Steps 1 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:TrainCommandType"
    }

    It 'starts LogCounts from the count model''s own smoothing' {
        $counts = 'emma', 'olivia', 'ava' | New-BigramModel -Smoothing 5
        $start = $counts | Invoke-BigramTraining -Steps 0 -Initialization LogCounts
        (Compare-BigramModel $counts $start).MaxAbsoluteDifference | Should -BeLessThan 1e-6
    }

    It 'reports InvalidTrainingSetting for LogCounts from a model with smoothing 0 and an unseen bigram' {
        $raw = 'emma', 'ava' | New-BigramModel -Smoothing 0
        $models = @($raw, $script:Small | Invoke-BigramTraining -Steps 1 -Initialization LogCounts -ErrorVariable problems -ErrorAction SilentlyContinue)
        $models.Count | Should -Be 1
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "InvalidTrainingSetting,$script:TrainCommandType"
        $problems[0].Exception.Message | Should -Match 'smoothing 0'
    }

    It 'stops a diverging run early and never checkpoints a diverged model' {
        $checkpoint = Join-Path -Path $TestDrive -ChildPath 'diverged.json'
        $failure = { Invoke-BigramTraining -Steps 100 -LearningRate 1e6 -CheckpointInterval 5 -CheckpointPath $checkpoint } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "TrainingDiverged,$script:TrainCommandType"
        $failure.Exception.Message | Should -Match 'step [23]\b'
        $failure.Exception.Message | Should -Match '-LearningRate'
        Test-Path -LiteralPath $checkpoint | Should -BeFalse
    }

    It 'blames -Regularization when the regularization is what diverges' {
        $failure = { $script:Small | Invoke-BigramTraining -Steps 50 -Regularization 1e30 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "TrainingDiverged,$script:TrainCommandType"
        $failure.Exception.Message | Should -Match '-Regularization'
        $failure.Exception.Message | Should -Not -Match '-LearningRate'
    }

    It 'refuses an existing checkpoint file with -NoClobber; under -WhatIf it only says what it would do, as Out-File does' {
        $checkpoint = Join-Path -Path $TestDrive -ChildPath 'kept.json'
        $script:Small | Export-BigramModel -Path $checkpoint
        $before = Get-FileHash -LiteralPath $checkpoint
        $failure = { $script:Small | Invoke-BigramTraining -Steps 2 -CheckpointPath $checkpoint -NoClobber } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "FileExists,$script:TrainCommandType"
        $output = @($script:Small | Invoke-BigramTraining -Steps 2 -CheckpointPath $checkpoint -NoClobber -WhatIf -ErrorVariable problems)
        $output.Count | Should -Be 0
        $problems.Count | Should -Be 0
        (Get-FileHash -LiteralPath $checkpoint).Hash | Should -Be $before.Hash
    }

    It 'trains and writes nothing under -WhatIf' {
        $checkpoint = Join-Path -Path $TestDrive -ChildPath 'whatif.json'
        $output = @($script:Small | Invoke-BigramTraining -Steps 2 -CheckpointPath $checkpoint -WhatIf)
        $output.Count | Should -Be 0
        Test-Path -LiteralPath $checkpoint | Should -BeFalse
    }

    It 'replaces a read-only checkpoint file only with -Force, and keeps it read-only' {
        $checkpoint = Join-Path -Path $TestDrive -ChildPath 'readonly.json'
        $script:Small | Export-BigramModel -Path $checkpoint
        Set-ItemProperty -LiteralPath $checkpoint -Name IsReadOnly -Value $true
        $failure = { $script:Small | Invoke-BigramTraining -Steps 2 -CheckpointPath $checkpoint } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "FileReadOnly,$script:TrainCommandType"
        $null = $script:Small | Invoke-BigramTraining -Steps 2 -CheckpointPath $checkpoint -Force
        (Get-Item -LiteralPath $checkpoint).IsReadOnly | Should -BeTrue
        (Import-BigramModel -LiteralPath $checkpoint).Steps | Should -Be 2
    }

    It 'writes the checkpoint of the first piped model only and reports PathConflict for the others' {
        $checkpoint = Join-Path -Path $TestDrive -ChildPath 'shared.json'
        $other = 'noah', 'liam' | New-BigramModel
        $models = @($script:Small, $other | Invoke-BigramTraining -Steps 2 -CheckpointPath $checkpoint -ErrorVariable conflicts -ErrorAction SilentlyContinue)
        $models.Count | Should -Be 1
        $conflicts[0].FullyQualifiedErrorId | Should -Be "PathConflict,$script:TrainCommandType"
        (Import-BigramModel -LiteralPath $checkpoint).NameCount | Should -Be 3
    }

    It 'reports CheckpointFailed when a checkpoint cannot be written and still returns the model' {
        # A name of 250 characters is valid, but the temporary file beside it would need a longer one.
        $checkpoint = Join-Path -Path $TestDrive -ChildPath (('c' * 245) + '.json')
        $model = $script:Small | Invoke-BigramTraining -Steps 4 -CheckpointInterval 2 -CheckpointPath $checkpoint -ErrorVariable failed -ErrorAction SilentlyContinue
        $model.Steps | Should -Be 4
        $failed.Count | Should -Be 2
        $failed[0].FullyQualifiedErrorId | Should -Be "CheckpointFailed,$script:TrainCommandType"
    }

    It 'writes "1 step" in the singular' {
        $checkpoint = Join-Path -Path $TestDrive -ChildPath 'one.json'
        $null = $script:Small | Invoke-BigramTraining -Steps 1 -CheckpointPath $checkpoint -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Set-Variable verbose
        ($verbose.Message -join "`n") | Should -Match 'after 1 step to'
        ($verbose.Message -join "`n") | Should -Not -Match '1 steps'
    }
}

Describe 'Invoke-BigramTraining: resuming exactly' {
    BeforeAll {
        $script:ResumeNames = Get-BundledName -Count 500
    }

    It 'gives the uninterrupted run''s weights when a mini-batch run is split through a checkpoint' {
        $checkpoint = Join-Path -Path $TestDrive -ChildPath 'piece.json'
        $whole = $script:ResumeNames | Invoke-BigramTraining -Steps 15 -BatchSize 8
        $null = $script:ResumeNames | Invoke-BigramTraining -Steps 10 -BatchSize 8 -CheckpointPath $checkpoint
        $resumed = Import-BigramModel -LiteralPath $checkpoint | Invoke-BigramTraining -Steps 5 -BatchSize 8
        $resumed.LossHistory[10].Loss | Should -Be $whole.LossHistory[10].Loss
        $resumed.Weights | Should -Be $whole.Weights
    }

    It 'records every run of a continued model' {
        $first = $script:ResumeNames | Invoke-BigramTraining -Steps 10 -Initialization Zeros
        $continued = $first | Invoke-BigramTraining -Steps 5 -LearningRate 10
        $continued.Steps | Should -Be 15
        $continued.TrainingRuns.Count | Should -Be 2
        $continued.TrainingRuns[0].Settings.Initialization | Should -Be 'Zeros'
        $continued.TrainingRuns[0].StepCount | Should -Be 10
        $continued.TrainingRuns[1].FirstStep | Should -Be 11
        $continued.TrainingRuns[1].Settings.LearningRate | Should -Be 10
    }

    It 'shows each run as a table row: its steps and the settings that matter' {
        $first = $script:ResumeNames | Invoke-BigramTraining -Steps 10 -Initialization Zeros
        $continued = $first | Invoke-BigramTraining -Steps 5 -LearningRate 10 -BatchSize 64 -Seed 7
        foreach ($text in ($continued.TrainingRuns | Out-String), ($continued.TrainingRuns | Format-Table | Out-String)) {
            $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })
            $lines[0] | Should -Match '^\s*FirstStep\s+LastStep\s+LearningRate\s+Regularization\s+Batch\s+Seed\s+Initialization\s*$'
            $lines.Count | Should -Be 4
            # A full-batch run says so; the initialization is shown for the run that initialized the weights only.
            $lines[2] | Should -Match '^\s*1\s+10\s+50\s+0\.01\s+full\s+2147483647\s+Zeros\s*$'
            $lines[3] | Should -Match '^\s*11\s+15\s+10\s+0\.01\s+64\s+7\s*$'
            $text | Should -Not -Match 'Settings'
        }
        $list = $continued.TrainingRuns[1] | Format-List | Out-String
        $list | Should -Match 'StepCount\s+:\s+5\b'
        $list | Should -Match 'LearningRate\s+:\s+10\b'
        $list | Should -Match 'BatchSize\s+:\s+64\b'
        $list | Should -Not -Match 'Settings'
        $continued.TrainingRuns[0] | Format-List | Out-String | Should -Match 'Initialization\s+:\s+Zeros'
    }

    It 'shows where mini-batch shuffling stands without the generator internals' {
        $model = $script:ResumeNames | Invoke-BigramTraining -Steps 3 -BatchSize 8 -Seed 5
        $examples = ($script:ResumeNames | New-BigramModel).BigramCount
        $model.ShuffleState.Position | Should -Be 24
        foreach ($text in ($model.ShuffleState | Out-String), ($model.ShuffleState | Format-Table | Out-String)) {
            $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })
            $lines[0] | Should -Match '^\s*Seed\s+BatchSize\s+Position\s+Examples\s*$'
            $lines[2] | Should -Match "^\s*5\s+8\s+24\s+$examples\s*$"
            $text | Should -Not -Match 'Generator'
        }
        $list = $model.ShuffleState | Format-List | Out-String
        $list | Should -Match 'Position\s+:\s+24\b'
        $list | Should -Not -Match 'Generator'
        # The internals are still there for anyone who asks.
        $model.ShuffleState | Format-List -Property * | Out-String | Should -Match 'GeneratorState'
    }
}
