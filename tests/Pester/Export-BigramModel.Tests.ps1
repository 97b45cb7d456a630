BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.ExportBigramModelCommand'
    $script:Counts = New-BigramModel
    $script:Neural = Invoke-BigramTraining -Steps 10
}

Describe 'Export-BigramModel' {
    Context 'Writing' {
        It 'saves a piped count model that Import-BigramModel reads back bit for bit' {
            $file = Join-Path -Path $TestDrive -ChildPath 'counts.json'
            $script:Counts | Export-BigramModel -Path $file
            $loaded = Import-BigramModel -Path $file
            $loaded.Kind | Should -Be 'Counts'
            $loaded.Smoothing | Should -Be 1
            $loaded.NameCount | Should -Be $script:Counts.NameCount
            $loaded.TrainingNames | Should -Be $script:Counts.TrainingNames
            ($loaded | Get-BigramProbability).Probability | Should -Be ($script:Counts | Get-BigramProbability).Probability
        }

        It 'saves a neural model with its weights and loss history' {
            $file = Join-Path -Path $TestDrive -ChildPath 'neural.json'
            Export-BigramModel -Model $script:Neural -Path $file
            $loaded = Import-BigramModel -Path $file
            $loaded.Kind | Should -Be 'Neural'
            $loaded.LossHistory.Loss | Should -Be $script:Neural.LossHistory.Loss
            $loaded.GetWeights() | Should -Be $script:Neural.GetWeights()
            ($loaded | Get-BigramProbability).Probability | Should -Be ($script:Neural | Get-BigramProbability).Probability
            ($loaded | Get-BigramSample -Count 20 -Seed 9) | Should -Be ($script:Neural | Get-BigramSample -Count 20 -Seed 9)
        }

        It 'writes JSON' {
            $file = Join-Path -Path $TestDrive -ChildPath 'plain.json'
            'emma', 'ava' | New-BigramModel | Export-BigramModel -Path $file
            { Get-Content -LiteralPath $file -Raw | ConvertFrom-Json } | Should -Not -Throw
        }

        It 'emits the written file with -PassThru and nothing without it' {
            $file = Join-Path -Path $TestDrive -ChildPath 'passthru.json'
            $script:Counts | Export-BigramModel -Path $file | Should -BeNullOrEmpty
            $info = $script:Counts | Export-BigramModel -Path $file -PassThru
            $info | Should -BeOfType ([System.IO.FileInfo])
            $info.FullName | Should -Be (Get-Item -LiteralPath $file).FullName
        }

        It 'writes to a -LiteralPath with wildcard characters' {
            $file = Join-Path -Path $TestDrive -ChildPath 'model[1].json'
            $script:Counts | Export-BigramModel -LiteralPath $file
            Test-Path -LiteralPath $file | Should -BeTrue
            (Import-BigramModel -LiteralPath $file).NameCount | Should -Be $script:Counts.NameCount
        }

        It 'resolves relative paths against the current location' {
            Push-Location -LiteralPath $TestDrive
            try {
                $script:Counts | Export-BigramModel -Path 'relative.json'
            }
            finally {
                Pop-Location
            }
            Test-Path -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'relative.json') | Should -BeTrue
        }
    }

    Context 'Overwriting' {
        BeforeEach {
            $script:File = Join-Path -Path $TestDrive -ChildPath 'existing.json'
            'emma' | New-BigramModel | Export-BigramModel -Path $script:File
            $script:Before = Get-FileHash -LiteralPath $script:File
        }

        AfterEach {
            if (Test-Path -LiteralPath $script:File) {
                (Get-Item -LiteralPath $script:File).IsReadOnly = $false
                Remove-Item -LiteralPath $script:File -Force
            }
        }

        It 'writes nothing with -WhatIf, to a new file or an existing one' {
            $new = Join-Path -Path $TestDrive -ChildPath 'whatif.json'
            $script:Counts | Export-BigramModel -Path $new -WhatIf
            Test-Path -LiteralPath $new | Should -BeFalse
            $script:Counts | Export-BigramModel -Path $script:File -WhatIf
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
        }

        It 'replaces an existing file by default' {
            $script:Counts | Export-BigramModel -Path $script:File
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Not -Be $script:Before.Hash
            (Import-BigramModel -Path $script:File).NameCount | Should -Be $script:Counts.NameCount
        }

        It 'stops with FileExists and leaves the file alone with -NoClobber' {
            $failure = { $script:Counts | Export-BigramModel -Path $script:File -NoClobber } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileExists,$script:CommandType"
            $failure.CategoryInfo.Category | Should -Be 'ResourceExists'
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
        }

        It 'replaces a read-only file only with -Force' {
            (Get-Item -LiteralPath $script:File).IsReadOnly = $true
            $failure = { $script:Counts | Export-BigramModel -Path $script:File } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileReadOnly,$script:CommandType"
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash

            $script:Counts | Export-BigramModel -Path $script:File -Force
            (Import-BigramModel -Path $script:File).NameCount | Should -Be $script:Counts.NameCount
        }
    }

    Context 'Errors' {
        It 'requires a path' {
            $failure = { $script:Counts | Export-BigramModel -Path '' } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
        }
    }
}
