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

Describe 'Export-BigramModel: paths and files as PowerShell users expect' {
    It 'honours backtick-escaped wildcard characters in -Path' {
        Push-Location -LiteralPath $TestDrive
        try {
            $script:Counts | Export-BigramModel -Path 'escaped`[1`].json'
        }
        finally {
            Pop-Location
        }
        Test-Path -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'escaped[1].json') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'escaped`[1`].json') | Should -BeFalse
    }

    It 'emits with -PassThru the item Get-Item returns, which Import-BigramModel and Remove-Item take from the pipeline' {
        $file = Join-Path -Path $TestDrive -ChildPath 'decorated.json'
        $item = $script:Counts | Export-BigramModel -Path $file -PassThru
        $item | Should -BeOfType ([System.IO.FileInfo])
        $item.PSPath | Should -Be (Get-Item -LiteralPath $file).PSPath
        $item.PSProvider.Name | Should -Be 'FileSystem'
        ($item | Import-BigramModel).NameCount | Should -Be $script:Counts.NameCount
        $item | Remove-Item
        Test-Path -LiteralPath $file | Should -BeFalse
    }

    It 'keeps the permissions of the file it replaces' -Skip:$IsWindows {
        $file = Join-Path -Path $TestDrive -ChildPath 'private.json'
        $script:Counts | Export-BigramModel -Path $file
        & chmod 600 $file
        $script:Neural | Export-BigramModel -Path $file
        (Get-Item -LiteralPath $file).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        (Import-BigramModel -LiteralPath $file).Kind | Should -Be 'Neural'
    }

    It 'writes through a symbolic link, which stays a link' -Skip:$IsWindows {
        $target = Join-Path -Path $TestDrive -ChildPath 'target.json'
        $link = Join-Path -Path $TestDrive -ChildPath 'link.json'
        $script:Counts | Export-BigramModel -Path $target
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $target
        $script:Neural | Export-BigramModel -Path $link
        (Get-Item -LiteralPath $link).LinkType | Should -Be 'SymbolicLink'
        (Import-BigramModel -LiteralPath $target).Kind | Should -Be 'Neural'
    }

    It 'keeps a read-only file read-only when -Force replaces it' {
        $file = Join-Path -Path $TestDrive -ChildPath 'locked.json'
        $script:Counts | Export-BigramModel -Path $file
        Set-ItemProperty -LiteralPath $file -Name IsReadOnly -Value $true
        $script:Neural | Export-BigramModel -Path $file -Force
        (Get-Item -LiteralPath $file).IsReadOnly | Should -BeTrue
        (Import-BigramModel -LiteralPath $file).Kind | Should -Be 'Neural'
    }

    It 'only says what it would do under -WhatIf, with -NoClobber or on a read-only file, as Out-File does' {
        $file = Join-Path -Path $TestDrive -ChildPath 'whatif.json'
        $script:Counts | Export-BigramModel -Path $file
        $before = Get-FileHash -LiteralPath $file
        $script:Neural | Export-BigramModel -Path $file -NoClobber -WhatIf -ErrorVariable problems
        $problems.Count | Should -Be 0
        Set-ItemProperty -LiteralPath $file -Name IsReadOnly -Value $true
        $script:Neural | Export-BigramModel -Path $file -WhatIf -ErrorVariable problems
        $problems.Count | Should -Be 0
        (Get-FileHash -LiteralPath $file).Hash | Should -Be $before.Hash

        # The real runs stop.
        $failure = { $script:Neural | Export-BigramModel -Path $file -NoClobber } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "FileExists,$script:CommandType"
        $failure = { $script:Neural | Export-BigramModel -Path $file } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "FileReadOnly,$script:CommandType"
        Set-ItemProperty -LiteralPath $file -Name IsReadOnly -Value $false
    }

    It 'writes the first of several piped models and reports PathConflict for the others' {
        $file = Join-Path -Path $TestDrive -ChildPath 'two.json'
        $script:Counts, $script:Neural | Export-BigramModel -Path $file -ErrorVariable conflicts -ErrorAction SilentlyContinue
        $conflicts.Count | Should -Be 1
        $conflicts[0].FullyQualifiedErrorId | Should -Be "PathConflict,$script:CommandType"
        $conflicts[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        (Import-BigramModel -LiteralPath $file).Kind | Should -Be 'Counts'
    }

    It 'reports AmbiguousPath for a wildcard that matches several files' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'ambiguous'
        $null = New-Item -ItemType Directory -Path $folder
        $script:Counts | Export-BigramModel -Path (Join-Path -Path $folder -ChildPath 'a.json')
        $script:Counts | Export-BigramModel -Path (Join-Path -Path $folder -ChildPath 'b.json')
        $failure = { $script:Counts | Export-BigramModel -Path (Join-Path -Path $folder -ChildPath '*.json') } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "AmbiguousPath,$script:CommandType"
    }

    It 'reports PathIsDirectory for a folder and NotFileSystemPath for another provider' {
        $folder = { $script:Counts | Export-BigramModel -Path $TestDrive } | Should -Throw -PassThru
        $folder.FullyQualifiedErrorId | Should -Be "PathIsDirectory,$script:CommandType"
        $variable = { $script:Counts | Export-BigramModel -Path 'Variable:/model' } | Should -Throw -PassThru
        $variable.FullyQualifiedErrorId | Should -Be "NotFileSystemPath,$script:CommandType"
    }

    It 'reports FileWriteFailed and leaves no file when the write fails' {
        # A name of 250 characters is valid, but the temporary file beside it would need a longer one.
        $file = Join-Path -Path $TestDrive -ChildPath (('m' * 245) + '.json')
        $failure = { $script:Counts | Export-BigramModel -Path $file } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "FileWriteFailed,$script:CommandType"
        Test-Path -LiteralPath $file | Should -BeFalse
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force).Count | Should -Be 0
    }
}
