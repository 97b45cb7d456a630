BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.InvokeMlpTrainingCommand'
    # Small and fast: a few hundred names, a small network, a few steps.
    $script:Names = @(Get-BundledName -Count 400)
    $script:DevNames = @(Get-BundledName | Select-Object -Last 100)
    $script:Small = @{ HiddenSize = 16; EmbeddingSize = 4; BatchSize = 8 }

    # Starts an unbounded run in another runspace and stops it (Ctrl+C) once 20 records are out; -Training adds parameters.
    function Stop-Training([string] $Checkpoint, [hashtable] $Training = @{}) {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Manifest, $Checkpoint, $Names, $Training)
                    Import-Module -Name $Manifest
                    # An epsilon keeps this unbounded run finite: in batches of 4, all four examples sometimes share one
                    # context, and with the lecture's epsilon of 0 their batch std of 0 stops training (TrainingDiverged).
                    $Names | Invoke-MlpTraining -Steps 100000000 -CheckpointPath $Checkpoint -CheckpointInterval 100000000 -HiddenSize 8 -EmbeddingSize 2 -BatchSize 4 -BatchNormEpsilon 1e-5 -AsTrainingRecord @Training
                }).AddArgument($script:ManifestPath).AddArgument($Checkpoint).AddArgument($script:Names).AddArgument($Training)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $none = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $none.Complete()
            $running = $shell.BeginInvoke($none, $output)
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while ($output.Count -lt 20 -and [datetime]::UtcNow -lt $deadline -and -not $running.IsCompleted) {
                Start-Sleep -Milliseconds 20
            }
            $output.Count | Should -BeGreaterOrEqual 20
            $running.IsCompleted | Should -BeFalse -Because 'training must still be running when it is stopped'
            $shell.Stop()
            # Read the checkpoint only once the invocation itself has ended, as a host waits before its next prompt.
            $running.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(60)) | Should -BeTrue
        }
        finally {
            $shell.Dispose()
        }
    }
}

Describe 'Invoke-MlpTraining' {
    Context 'Training from names' {
        BeforeAll {
            $script:Model = $script:Names | Invoke-MlpTraining -Steps 40 @script:Small
        }

        It 'returns an MLP with one record per step in its LossHistory' {
            $script:Model | Should -BeOfType ([MakemorePS.Core.MlpModel])
            $script:Model.KindName | Should -Be 'Mlp'
            $script:Model.Steps | Should -Be 40
            $script:Model.HiddenSize | Should -Be 16
            $script:Model.LossHistory.Count | Should -Be 40
            $script:Model.LossHistory.Step | Should -Be (1..40)
            $script:Model.LossHistory | ForEach-Object { $_ | Should -BeOfType ([MakemorePS.Core.MlpTrainingRecord]) }
            $script:Model.FinalLoss | Should -Be $script:Model.LossHistory[-1].Loss
        }

        It 'starts near ln 27 with the scaled initialization and learns' {
            $first = $script:Model.LossHistory[0].Loss
            [math]::Abs($first - [math]::Log(27)) | Should -BeLessThan 0.1
            ($script:Model.LossHistory[-10..-1].Loss | Measure-Object -Average).Average | Should -BeLessThan $first
        }

        It 'knows its training names' {
            $script:Model.TrainingNames.Count | Should -Be @($script:Names | Select-Object -Unique).Count
            $script:Model.IsTrainingName($script:Names[0]) | Should -BeTrue
        }

        It 'counts every training name, duplicates included, as a bigram model does' {
            $names = $script:Names + $script:Names[0..99] + 'a.b'
            $model = $names | Invoke-MlpTraining -Steps 2 @script:Small -ErrorAction SilentlyContinue
            $model.NameCount | Should -Be 500
            $model.NameCount | Should -Be ($names | New-BigramModel -ErrorAction SilentlyContinue).NameCount
            $model.TrainingNames | Should -Be $script:Names
        }

        It 'uses the lecture''s defaults for what is not given' {
            $settings = (Invoke-MlpTraining -Steps 1 -Name $script:Names).TrainingSettings
            $settings.BlockSize | Should -Be 3
            $settings.EmbeddingSize | Should -Be 10
            $settings.HiddenSize | Should -Be 200
            $settings.BatchNorm | Should -BeTrue
            $settings.BatchSize | Should -Be 32
            $settings.LearningRate | Should -Be ([float]0.1)
            $settings.DecayedLearningRate | Should -Be ([float]0.01)
            $settings.DecayStep | Should -Be 100000
            $settings.Seed | Should -Be 2147483647
            $settings.Initialization | Should -Be 'Scaled'
            (Get-Command Invoke-MlpTraining).Parameters['Steps'].Attributes.Where({ $_ -is [Parameter] }).Count | Should -BeGreaterThan 0
        }

        It 'starts from the lecture''s own weights and batches: PyTorch''s generator, seeded 2147483647' {
            # The reference files were written by PyTorch 1.13 running the lecture's code (tests/reference/*.py).
            $reference = Join-Path -Path $script:RepositoryRoot -ChildPath 'tests/reference'
            $expectedW1 = (Get-Content -LiteralPath (Join-Path $reference 'torch_generator_reference.txt') | Where-Object { $_ -like 'init W1 *' }) -split ' ' | Select-Object -Last 1
            $firstLoss = [double](Get-Content -LiteralPath (Join-Path $reference 'mlp_reference_losses.txt') | Where-Object { $_ -notlike '#*' } | Select-Object -First 1)

            $model = (Get-BundledName | Split-NameSet).Train | Invoke-MlpTraining -Steps 1
            [Math]::Abs($model.FinalLoss - $firstLoss) | Should -BeLessOrEqual 1e-6

            $rows = 0; $columns = 0
            $start = Invoke-MlpTraining -Steps 0
            $w1 = $start.GetParameter('W1', [ref] $rows, [ref] $columns)
            $bytes = [byte[]]::new(4 * $w1.Length)
            [Buffer]::BlockCopy($w1, 0, $bytes, 0, $bytes.Length)
            ([BitConverter]::ToString([System.Security.Cryptography.SHA256]::Create().ComputeHash($bytes)) -replace '-').ToLowerInvariant() | Should -Be $expectedW1
            $start.GetParameter('C', [ref] $rows, [ref] $columns)[0] | Should -Be ([float]1.5673619508743286)
        }

        It 'reads names from -Path and -LiteralPath like the pipeline' {
            $file = Join-Path -Path $TestDrive -ChildPath 'names.txt'
            Write-NameFile -LiteralPath $file -Name $script:Names
            $fromPath = Invoke-MlpTraining -Path $file -Steps 10 @script:Small
            $fromLiteral = Invoke-MlpTraining -LiteralPath $file -Steps 10 @script:Small
            $fromPipe = $script:Names | Invoke-MlpTraining -Steps 10 @script:Small
            $fromPath.LossHistory.Loss | Should -Be $fromPipe.LossHistory.Loss
            $fromLiteral.LossHistory.Loss | Should -Be $fromPipe.LossHistory.Loss
        }

        It 'is reproducible for a seed and differs for another' {
            $a = $script:Names | Invoke-MlpTraining -Steps 15 -Seed 5 @script:Small
            $b = $script:Names | Invoke-MlpTraining -Steps 15 -Seed 5 @script:Small
            $c = $script:Names | Invoke-MlpTraining -Steps 15 -Seed 6 @script:Small
            $b.LossHistory.Loss | Should -Be $a.LossHistory.Loss
            $c.LossHistory[0].Loss | Should -Not -Be $a.LossHistory[0].Loss
        }

        It 'decays the learning rate after -DecayStep' {
            $model = $script:Names | Invoke-MlpTraining -Steps 5 -DecayStep 3 -LearningRate 0.2 -DecayedLearningRate 0.02 @script:Small
            $model.LossHistory.LearningRate | Should -Be @([float]0.2, [float]0.2, [float]0.2, [float]0.02, [float]0.02)
        }

        It 'trains the part 2 network with -Initialization Gaussian -NoBatchNorm' {
            $model = $script:Names | Invoke-MlpTraining -Steps 3 -Initialization Gaussian -NoBatchNorm @script:Small
            $model.BatchNorm | Should -BeFalse
            $model.TrainingSettings.Initialization | Should -Be 'Gaussian'
            # Confidently wrong at first: far above ln 27.
            $model.LossHistory[0].Loss | Should -BeGreaterThan 5
        }
    }

    Context 'Validation names and records' {
        It 'measures the dev loss every -DevLossInterval steps and at the end' {
            $model = $script:Names | Invoke-MlpTraining -Steps 12 -ValidationName $script:DevNames -DevLossInterval 5 @script:Small
            ($model.LossHistory | Where-Object { $null -ne $_.DevLoss }).Step | Should -Be @(5, 10, 12)
            $model.DevLoss | Should -Be $model.LossHistory[-1].DevLoss
        }

        It 'gives as DevLoss the dev loss of the last step only, and keeps the earlier ones in the history' {
            $model = $script:Names | Invoke-MlpTraining -Steps 10 -ValidationName $script:DevNames -DevLossInterval 5 @script:Small
            $unmeasured = Invoke-MlpTraining -Model $model -Steps 12
            $unmeasured.DevLoss | Should -BeNullOrEmpty
            ($unmeasured.LossHistory | Where-Object { $null -ne $_.DevLoss }).Step | Should -Be @(5, 10)
            ($unmeasured | Format-Table | Out-String) | Should -Not -Match ([regex]::Escape($model.DevLoss.ToString('F4')))

            $measured = Invoke-MlpTraining -Model $model -Steps 12 -ValidationName $script:DevNames -DevLossInterval 5
            ($measured.LossHistory | Where-Object { $null -ne $_.DevLoss }).Step | Should -Be @(5, 10, 12)
            $summary = $script:DevNames | Measure-NameLikelihood -Model $measured -Summary
            [math]::Abs($summary.MeanNegativeLogLikelihood - $measured.DevLoss) | Should -BeLessThan 1e-6
        }

        It 'warns that -DevLossInterval measures nothing without validation names, and trains all the same' {
            $model = $script:Names | Invoke-MlpTraining -Steps 4 -DevLossInterval 2 @script:Small -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match '-DevLossInterval'
            $warnings[0].Message | Should -Match '-ValidationName'
            $model.LossHistory.Count | Should -Be 4
            $model.LossHistory | Where-Object { $null -ne $_.DevLoss } | Should -BeNullOrEmpty

            $measured = $script:Names | Invoke-MlpTraining -Steps 4 -DevLossInterval 2 -ValidationName $script:DevNames @script:Small -WarningVariable warnings
            $warnings.Count | Should -Be 0
            ($measured.LossHistory | Where-Object { $null -ne $_.DevLoss }).Step | Should -Be @(2, 4)
        }

        It 'reports as dev loss what Measure-NameLikelihood -Summary gives for the validation names' {
            $model = $script:Names | Invoke-MlpTraining -Steps 10 -ValidationName $script:DevNames -DevLossInterval 0 @script:Small
            $summary = $script:DevNames | Measure-NameLikelihood -Model $model -Summary
            [math]::Abs($summary.MeanNegativeLogLikelihood - $model.DevLoss) | Should -BeLessThan 1e-6
        }

        It 'reads validation names from -ValidationPath' {
            $file = Join-Path -Path $TestDrive -ChildPath 'dev.txt'
            Write-NameFile -LiteralPath $file -Name $script:DevNames
            $fromFile = $script:Names | Invoke-MlpTraining -Steps 6 -ValidationPath $file -DevLossInterval 3 @script:Small
            $fromNames = $script:Names | Invoke-MlpTraining -Steps 6 -ValidationName $script:DevNames -DevLossInterval 3 @script:Small
            $fromFile.LossHistory.DevLoss | Should -Be $fromNames.LossHistory.DevLoss
        }

        It 'reports a validation name it cannot score and goes on' {
            $model = $script:Names | Invoke-MlpTraining -Steps 4 -ValidationName 'emma', 'zoë', 'ava' -DevLossInterval 2 @script:Small -ErrorVariable problems -ErrorAction SilentlyContinue
            $model.Steps | Should -Be 4
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -Be "UnknownCharacter,$script:CommandType"
            $model.DevLoss | Should -BeGreaterThan 0
        }

        It 'emits the records instead of the model with -AsTrainingRecord, ready for Export-Csv' {
            $records = @($script:Names | Invoke-MlpTraining -Steps 8 -AsTrainingRecord -ValidationName $script:DevNames -DevLossInterval 4 @script:Small)
            $records.Count | Should -Be 8
            $records | ForEach-Object { $_ | Should -BeOfType ([MakemorePS.Core.MlpTrainingRecord]) }
            $csv = Join-Path -Path $TestDrive -ChildPath 'loss.csv'
            $records | Export-Csv -LiteralPath $csv -NoTypeInformation
            $rows = @(Import-Csv -LiteralPath $csv)
            $rows[0].PSObject.Properties.Name | Should -Be @('Step', 'Loss', 'LearningRate', 'DevLoss')
            $rows.Step | Should -Be ([string[]](1..8))
            $rows[3].DevLoss | Should -Not -BeNullOrEmpty
            $rows[2].DevLoss | Should -BeNullOrEmpty
        }

        It 'attaches activation and gradient statistics with -Diagnostics' {
            $model = $script:Names | Invoke-MlpTraining -Steps 6 -Diagnostics -DiagnosticsInterval 3 @script:Small
            $model.ActivationStatistics.Step | Select-Object -Unique | Should -Be @(3, 6)
            $model.ActivationStatistics.Layer | Select-Object -Unique | Should -Be @('Embedding', 'Linear1', 'BatchNorm', 'Tanh', 'Linear2')
            $tanh = $model.ActivationStatistics | Where-Object Layer -EQ 'Tanh'
            $tanh | ForEach-Object { $_.SaturatedFraction | Should -BeGreaterOrEqual 0; $_.SaturatedFraction | Should -BeLessOrEqual 1 }
            $model.GradientStatistics.Parameter | Select-Object -Unique | Should -Contain 'W1'
            $model.GradientStatistics | ForEach-Object { $_.GradientStd | Should -BeGreaterThan 0 }
            $csv = Join-Path -Path $TestDrive -ChildPath 'gradients.csv'
            $model.GradientStatistics | Export-Csv -LiteralPath $csv -NoTypeInformation
            @(Import-Csv -LiteralPath $csv).Count | Should -Be $model.GradientStatistics.Count
        }

        It 'shows gradient statistics in a table with four significant digits and two-digit exponents' {
            $model = $script:Names | Invoke-MlpTraining -Steps 2 -Diagnostics -DiagnosticsInterval 2 @script:Small
            $text = $model.GradientStatistics | Format-Table | Out-String
            $text | Should -Not -Match 'E[-+]\d{3}'
            $w1 = $model.GradientStatistics | Where-Object Parameter -EQ 'W1'
            $row = @($text -split '\r?\n' | Where-Object { $_ -match '^\s*2\s+W1\s' })
            $row.Count | Should -Be 1
            $row[0] -match '^\s*2\s+W1\s+12x16\s+(?<std>\d\.\d{3}e[-+]\d{2})\s+\d+\.\d{4}\s+(?<ratio>\d\.\d{3}e[-+]\d{2})\s+-?\d+\.\d{2}\s*$' | Should -BeTrue -Because $row[0]
            [math]::Abs([double]$Matches.std / $w1.GradientStd - 1) | Should -BeLessThan 1e-3
            [math]::Abs([double]$Matches.ratio / $w1.GradientToDataRatio - 1) | Should -BeLessThan 1e-3
        }

        It 'measures no statistics without -Diagnostics' {
            $model = $script:Names | Invoke-MlpTraining -Steps 2 @script:Small
            $model.ActivationStatistics | Should -BeNullOrEmpty
            $model.GradientStatistics | Should -BeNullOrEmpty
        }

        It 'keeps the records and statistics on the model itself, not as properties added to the output' {
            $model = $script:Names | Invoke-MlpTraining -Steps 4 -Diagnostics -DiagnosticsInterval 2 @script:Small
            $model.PSObject.Properties.Match('*', 'NoteProperty') | Should -BeNullOrEmpty
            $model.LossHistory.Count | Should -Be 4
            $model.GradientStatistics.Step | Select-Object -Unique | Should -Be @(2, 4)
        }
    }

    Context 'Continuing a model' {
        It 'continues from -Model to -Steps exactly as one uninterrupted run, and extends its history' {
            $whole = $script:Names | Invoke-MlpTraining -Steps 12 @script:Small
            $part = $script:Names | Invoke-MlpTraining -Steps 7 @script:Small
            $rest = $script:Names | Invoke-MlpTraining -Model $part -Steps 12
            $rest.Steps | Should -Be 12
            $rest.HiddenSize | Should -Be 16
            $rest.LossHistory.Step | Should -Be (1..12)
            $rest.LossHistory[7..11].Loss | Should -Be $whole.LossHistory[7..11].Loss
            $rest.LossHistory.Loss | Should -Be $whole.LossHistory.Loss
        }

        It 'continues a piped model on its own training names, duplicates included, exactly' {
            $names = $script:Names + $script:Names[0..99]
            $whole = $names | Invoke-MlpTraining -Steps 12 @script:Small
            $part = $names | Invoke-MlpTraining -Steps 7 @script:Small
            $piped = $part | Invoke-MlpTraining -Steps 12
            $piped | Should -BeOfType ([MakemorePS.Core.MlpModel])
            $piped.LossHistory.Loss | Should -Be $whole.LossHistory.Loss
            $piped.NameCount | Should -Be 500
            (Invoke-MlpTraining -Model $part -Steps 12).LossHistory.Loss | Should -Be $whole.LossHistory.Loss
        }

        It 'continues each piped model, and reports one it cannot continue without stopping' {
            $small = $script:Names | Invoke-MlpTraining -Steps 2 @script:Small
            $larger = $script:Names | Invoke-MlpTraining -Steps 3 -HiddenSize 32 -EmbeddingSize 4 -BatchSize 8
            $models = @($small, $larger, $small | Invoke-MlpTraining -Steps 5 -HiddenSize 16 -ErrorVariable problems -ErrorAction SilentlyContinue)
            $models.Count | Should -Be 2
            $models.Steps | Should -Be @(5, 5)
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -Be "InvalidTrainingSetting,$script:CommandType"
        }

        It 'warns and emits the model unchanged when -Steps, the total, is not above the model''s steps' {
            $part = $script:Names | Invoke-MlpTraining -Steps 7 @script:Small
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'nothing.json'
            $same = $script:Names | Invoke-MlpTraining -Model $part -Steps 5 -CheckpointPath $checkpoint -WarningVariable warnings -WarningAction SilentlyContinue
            [object]::ReferenceEquals($same, $part) | Should -BeTrue
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match 'already has 7 steps'
            $warnings[0].Message | Should -Match '-Steps 5 is the total'
            $warnings[0].Message | Should -Match 'give -Steps 12\.'
            Test-Path -LiteralPath $checkpoint | Should -BeFalse

            # Each piped model is told apart; records are not made up; -Steps 0 gets the general hint.
            $longer = $script:Names | Invoke-MlpTraining -Steps 9 @script:Small
            $models = @($part, $longer | Invoke-MlpTraining -Steps 8 -WarningVariable piped -WarningAction SilentlyContinue)
            $models.Steps | Should -Be @(8, 9)
            $piped.Count | Should -Be 1
            $piped[0].Message | Should -Match 'already has 9 steps'
            @($part | Invoke-MlpTraining -Steps 7 -AsTrainingRecord -WarningVariable records -WarningAction SilentlyContinue).Count | Should -Be 0
            $records[0].Message | Should -Match 'nothing was trained\. To train'
            $null = $part | Invoke-MlpTraining -Steps 0 -WarningVariable zero -WarningAction SilentlyContinue
            $zero[0].Message | Should -Match 'give -Steps 7\+k\.'
        }

        It 'refuses a piped bigram model instead of training on its text' {
            $bigram = $script:Names | New-BigramModel
            $failure = $null
            try { $bigram | Invoke-MlpTraining -Steps 1 @script:Small -ErrorVariable problems -ErrorAction SilentlyContinue }
            catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
            $problems[0].FullyQualifiedErrorId | Should -Be "InputObjectNotBound,$script:CommandType"
        }

        It 'fails with NoInputNames when the model to continue can spell none of the names' {
            $part = $script:Names | Invoke-MlpTraining -Steps 2 @script:Small
            $failure = { 'zoë', 'josé' | Invoke-MlpTraining -Model $part -Steps 4 -ErrorAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }

        It 'warns that -Seed changes nothing for a continued model' {
            $part = $script:Names | Invoke-MlpTraining -Steps 2 @script:Small
            $whole = $script:Names | Invoke-MlpTraining -Steps 4 @script:Small
            $rest = $script:Names | Invoke-MlpTraining -Model $part -Steps 4 -Seed 99 -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Be '-Seed applies to a new model only: a continued model keeps its weights and its random state, so it changes nothing.'
            $null = $script:Names | Invoke-MlpTraining -Model $part -Steps 4 -Seed 99 -Initialization Gaussian -WarningVariable both -WarningAction SilentlyContinue
            $both[0].Message | Should -Match '^-Seed and -Initialization apply to a new model only'
            $rest.LossHistory[2..3].Loss | Should -Be $whole.LossHistory[2..3].Loss
            $rest.LossHistory.Loss | Should -Be $whole.LossHistory.Loss
        }

        It 'refuses a model whose sizes differ from the ones given' {
            $part = $script:Names | Invoke-MlpTraining -Steps 2 @script:Small
            $failure = { $script:Names | Invoke-MlpTraining -Model $part -Steps 4 -HiddenSize 32 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidTrainingSetting,$script:CommandType"
            $failure.Exception.Message | Should -Match 'HiddenSize 16'
            $failure.Exception.Message | Should -Match 'sizes to continue training it\.$'
            $failure.Exception.Message | Should -Not -Match '\(Parameter'
        }
    }

    Context 'Checkpoints, saving and loading' {
        It 'saves a checkpoint that Import-BigramModel loads with the same probabilities' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'mlp.json'
            $model = $script:Names | Invoke-MlpTraining -Steps 12 -CheckpointPath $checkpoint -CheckpointInterval 5 @script:Small
            $loaded = Import-BigramModel -LiteralPath $checkpoint
            $loaded | Should -BeOfType ([MakemorePS.Core.MlpModel])
            $loaded.Steps | Should -Be 12
            $loaded.HiddenSize | Should -Be 16
            ($script:DevNames | Measure-NameLikelihood -Model $loaded).LogLikelihood | Should -Be ($script:DevNames | Measure-NameLikelihood -Model $model).LogLikelihood
            $loaded | Get-NameSample -Count 50 -Seed 3 | Should -Be ($model | Get-NameSample -Count 50 -Seed 3)
        }

        It 'round-trips through Export-BigramModel and Import-BigramModel, and old bigram files still load' {
            $model = $script:Names | Invoke-MlpTraining -Steps 5 -ValidationName $script:DevNames @script:Small
            $file = Join-Path -Path $TestDrive -ChildPath 'exported.json'
            $bigramFile = Join-Path -Path $TestDrive -ChildPath 'counts.json'
            $model | Export-BigramModel -Path $file
            New-BigramModel -Name $script:Names | Export-BigramModel -Path $bigramFile
            $mlp, $counts = Import-BigramModel -LiteralPath $file, $bigramFile
            $mlp.KindName | Should -Be 'Mlp'
            $mlp.DevLoss | Should -Be $model.DevLoss
            $mlp.FinalLoss | Should -Be $model.FinalLoss
            $mlp.TrainingNames | Should -Be $model.TrainingNames
            ('emma', 'noah' | Measure-NameLikelihood -Model $mlp).LogLikelihood | Should -Be ('emma', 'noah' | Measure-NameLikelihood -Model $model).LogLikelihood
            $counts.Kind | Should -Be 'Counts'
        }

        It 'continues a loaded checkpoint exactly' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'resume.json'
            $null = $script:Names | Invoke-MlpTraining -Steps 6 -CheckpointPath $checkpoint @script:Small
            $rest = $script:Names | Invoke-MlpTraining -Model (Import-BigramModel -LiteralPath $checkpoint) -Steps 10
            $whole = $script:Names | Invoke-MlpTraining -Steps 10 @script:Small
            $rest.LossHistory[6..9].Loss | Should -Be $whole.LossHistory[6..9].Loss
            $rest.LossHistory.Loss | Should -Be $whole.LossHistory.Loss
            (Import-BigramModel -LiteralPath $checkpoint | Invoke-MlpTraining -Steps 10).LossHistory.Loss | Should -Be $whole.LossHistory.Loss
        }

        It 'keeps the loss history and the diagnostics in the model file, for Export-Csv and charts after loading' {
            $file = Join-Path -Path $TestDrive -ChildPath 'history.json'
            $model = $script:Names | Invoke-MlpTraining -Steps 9 -ValidationName $script:DevNames -DevLossInterval 4 -Diagnostics -DiagnosticsInterval 3 @script:Small
            $model | Export-BigramModel -Path $file
            $loaded = Import-BigramModel -LiteralPath $file
            $loaded.LossHistory.Step | Should -Be (1..9)
            $loaded.LossHistory.Loss | Should -Be $model.LossHistory.Loss
            $loaded.LossHistory.LearningRate | Should -Be $model.LossHistory.LearningRate
            ($loaded.LossHistory | Where-Object { $null -ne $_.DevLoss }).Step | Should -Be @(4, 8, 9)
            $loaded.ActivationStatistics.Count | Should -Be 15
            $loaded.GradientStatistics.GradientStd | Should -Be $model.GradientStatistics.GradientStd
            $loaded.GradientStatistics.UpdateToDataRatioLog10 | Should -Be $model.GradientStatistics.UpdateToDataRatioLog10
            $loaded.GradientStatistics.Shape | Should -Be $model.GradientStatistics.Shape
            $csv = Join-Path -Path $TestDrive -ChildPath 'loaded.csv'
            $direct = Join-Path -Path $TestDrive -ChildPath 'direct.csv'
            $loaded.LossHistory | Export-Csv -LiteralPath $csv -NoTypeInformation
            $model.LossHistory | Export-Csv -LiteralPath $direct -NoTypeInformation
            Get-Content -LiteralPath $csv | Should -Be (Get-Content -LiteralPath $direct)
            $loaded.GradientStatistics | Export-Csv -LiteralPath $csv -NoTypeInformation
            $model.GradientStatistics | Export-Csv -LiteralPath $direct -NoTypeInformation
            Get-Content -LiteralPath $csv | Should -Be (Get-Content -LiteralPath $direct)
        }

        It 'keeps the model trained so far in the checkpoint when the pipeline is stopped' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'stopped.json'
            Stop-Training -Checkpoint $checkpoint

            $saved = Import-BigramModel -LiteralPath $checkpoint
            $saved.Steps | Should -BeGreaterOrEqual 20
            $saved.Steps | Should -BeLessThan 100000000
            # Its history reaches its last completed step.
            $saved.LossHistory[-1].Step | Should -Be $saved.Steps
            $recent = [math]::Min($saved.Steps, 1000)
            $saved.LossHistory[(-$recent)..-1].Step | Should -Be (($saved.Steps - $recent + 1)..$saved.Steps)
            # The checkpoint is the model after its last completed step: continuing it matches one uninterrupted run.
            $end = $saved.Steps + 3
            $continued = $script:Names | Invoke-MlpTraining -Model $saved -Steps $end
            $whole = $script:Names | Invoke-MlpTraining -Steps $end -HiddenSize 8 -EmbeddingSize 2 -BatchSize 4 -BatchNormEpsilon 1e-5
            $continued.LossHistory[-3..-1].Loss | Should -Be $whole.LossHistory[-3..-1].Loss
            $continued.LossHistory.Step | Should -Be $whole.LossHistory.Step
            $continued.LossHistory.Loss | Should -Be $whole.LossHistory.Loss
        }

        It 'measures the dev loss of the last step of a stopped run, so the checkpoint''s DevLoss is its own' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'stopped-dev.json'
            Stop-Training -Checkpoint $checkpoint -Training @{ ValidationName = $script:DevNames; DevLossInterval = 0 }

            $saved = Import-BigramModel -LiteralPath $checkpoint
            $summary = $script:DevNames | Measure-NameLikelihood -Model $saved -Summary
            [math]::Abs($summary.MeanNegativeLogLikelihood - $saved.DevLoss) | Should -BeLessThan 1e-6
            ($saved.LossHistory | Where-Object { $null -ne $_.DevLoss }).Step | Should -Be $saved.Steps
            $saved.LossHistory[-1].DevLoss | Should -Be $saved.DevLoss
        }

        It 'writes the checkpoint of the first piped model only and reports PathConflict for the others' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'shared.json'
            $first = $script:Names | Invoke-MlpTraining -Steps 2 @script:Small
            $second = $script:Names[0..99] | Invoke-MlpTraining -Steps 2 @script:Small
            $models = @($first, $second | Invoke-MlpTraining -Steps 3 -CheckpointPath $checkpoint -ErrorVariable conflicts -ErrorAction SilentlyContinue)
            $models.Count | Should -Be 1
            $conflicts[0].FullyQualifiedErrorId | Should -Be "PathConflict,$script:CommandType"
            (Import-BigramModel -LiteralPath $checkpoint).NameCount | Should -Be 400
        }

        It 'refuses an existing checkpoint file with -NoClobber' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'exists.json'
            Set-Content -LiteralPath $checkpoint -Value 'keep me'
            $failure = { $script:Names | Invoke-MlpTraining -Steps 2 -CheckpointPath $checkpoint -NoClobber @script:Small } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileExists,$script:CommandType"
            Get-Content -LiteralPath $checkpoint | Should -Be 'keep me'
        }

        It 'replaces a read-only checkpoint file only with -Force, and keeps it read-only' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'readonly.json'
            Set-Content -LiteralPath $checkpoint -Value 'old'
            (Get-Item -LiteralPath $checkpoint).IsReadOnly = $true
            $failure = { $script:Names | Invoke-MlpTraining -Steps 2 -CheckpointPath $checkpoint @script:Small } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileReadOnly,$script:CommandType"
            $null = $script:Names | Invoke-MlpTraining -Steps 2 -CheckpointPath $checkpoint -Force @script:Small
            (Import-BigramModel -LiteralPath $checkpoint).Steps | Should -Be 2
            (Get-Item -LiteralPath $checkpoint).IsReadOnly | Should -BeTrue
        }

        It 'trains and writes nothing with -WhatIf' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'whatif.json'
            $output = $script:Names | Invoke-MlpTraining -Steps 2 -CheckpointPath $checkpoint -WhatIf @script:Small
            $output | Should -BeNullOrEmpty
            Test-Path -LiteralPath $checkpoint | Should -BeFalse
        }

        It 'stops with DirectoryNotFound when the checkpoint folder does not exist' {
            $checkpoint = Join-Path -Path $TestDrive -ChildPath 'no-such-folder/mlp.json'
            $failure = { $script:Names | Invoke-MlpTraining -Steps 1 -CheckpointPath $checkpoint @script:Small } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "DirectoryNotFound,$script:CommandType"
        }
    }

    Context 'Errors' {
        It 'reports an invalid name and trains on the others' {
            $model = 'emma', 'a.b', 'ava', 'olivia' | Invoke-MlpTraining -Steps 2 @script:Small -ErrorVariable problems -ErrorAction SilentlyContinue
            $model.Steps | Should -Be 2
            $model.TrainingNames | Should -Be @('emma', 'ava', 'olivia')
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -Be "InvalidName,$script:CommandType"
        }

        It 'fails with NoInputNames when the pipeline delivers nothing' {
            $failure = { @() | Where-Object { $_ } | Invoke-MlpTraining -Steps 1 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }

        It 'stops with InvalidTrainingSetting for a batch BatchNorm cannot normalize' {
            $failure = { $script:Names | Invoke-MlpTraining -Steps 1 -BatchSize 1 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidTrainingSetting,$script:CommandType"
            $failure.Exception.Message | Should -BeExactly 'BatchSize must be from 2 to 1048576.'
        }

        It 'rejects settings out of range as invalid arguments' {
            foreach ($bad in @{ Steps = -1 }, @{ LearningRate = 0 }, @{ HiddenSize = 0 }, @{ BatchNormMomentum = 2 }) {
                $failure = { $script:Names | Invoke-MlpTraining @bad } | Should -Throw -PassThru
                $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
            }
        }

        It 'blames the learning rate, not the batch std, when a huge learning rate makes the BatchNorm input overflow' {
            $failure = { $script:Names | Invoke-MlpTraining -Steps 10 -LearningRate 1e30 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "TrainingDiverged,$script:CommandType"
            $failure.Exception.Message | Should -Match 'lower learning rate than 1E\+30'
            $failure.Exception.Message | Should -Not -Match 'batch size|epsilon'
        }

        It 'stops with TrainingDiverged when the loss overflows' {
            $failure = { $script:Names | Invoke-MlpTraining -Steps 50 -LearningRate 1e30 @script:Small } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "TrainingDiverged,$script:CommandType"
            $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
        }
    }
}
