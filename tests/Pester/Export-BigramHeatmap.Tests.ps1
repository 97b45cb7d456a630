BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.ExportBigramHeatmapCommand'
    $script:Counts = New-BigramModel
}

Describe 'Export-BigramHeatmap' {
    Context 'Drawing' {
        It 'draws the piped count model as an SVG of the default size with every bigram and its count' {
            $file = Join-Path -Path $TestDrive -ChildPath 'counts.svg'
            $script:Counts | Export-BigramHeatmap -Path $file
            $svg = Read-Svg -LiteralPath $file
            $svg.DocumentElement.LocalName | Should -Be 'svg'
            $svg.DocumentElement.GetAttribute('width') | Should -Be '1162'
            $svg.DocumentElement.GetAttribute('height') | Should -Be '1162'
            $texts = Get-SvgText -LiteralPath $file
            $texts | Should -Contain 'Bigram counts'
            $texts | Should -Contain 'n.'
            $texts | Should -Contain '6808'
            $texts | Should -Contain 'qu'
            # One bigram label per cell: 27 x 27.
            @($texts | Where-Object { $_.Length -eq 2 -and $_ -cmatch '^[.a-z]{2}$' }).Count | Should -Be 729
        }

        It 'draws the same picture from the count records of Get-BigramCounts' {
            $fromModel = Join-Path -Path $TestDrive -ChildPath 'model.svg'
            $fromRecords = Join-Path -Path $TestDrive -ChildPath 'records.svg'
            $script:Counts | Export-BigramHeatmap -Path $fromModel
            Get-BigramCounts | Export-BigramHeatmap -Path $fromRecords
            (Get-FileHash -LiteralPath $fromRecords).Hash | Should -Be (Get-FileHash -LiteralPath $fromModel).Hash
        }

        It 'draws the probabilities of a neural model with -Probability' {
            $file = Join-Path -Path $TestDrive -ChildPath 'neural.svg'
            $neural = Invoke-BigramTraining -Steps 20
            $neural | Export-BigramHeatmap -Path $file -Probability -Title 'Neural <20> & more'
            $texts = Get-SvgText -LiteralPath $file
            $texts | Should -Contain 'Neural <20> & more'
            $qu = ($neural | Get-BigramProbability | Where-Object { $_.First -eq 'q' -and $_.Second -eq 'u' }).Probability
            $texts | Should -Contain $qu.ToString('0.000', [cultureinfo]::InvariantCulture)
        }

        It 'draws the probabilities of an MLP after boundary padding, and refuses its counts, which it does not keep' {
            $file = Join-Path -Path $TestDrive -ChildPath 'mlp.svg'
            $mlp = Get-BundledName -Count 500 | Invoke-MlpTraining -Steps 30 -HiddenSize 16
            $mlp | Export-BigramHeatmap -Path $file -Probability
            $texts = Get-SvgText -LiteralPath $file
            $texts | Should -Contain 'Bigram probabilities P(next | current)'
            @($texts | Where-Object { $_ -cmatch '^[.a-z]{2}$' }).Count | Should -Be 729
            $failure = { $mlp | Export-BigramHeatmap -Path (Join-Path -Path $TestDrive -ChildPath 'mlp-counts.svg') } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidChartInput,$script:CommandType"
        }

        It 'takes -Width and -Height' {
            $file = Join-Path -Path $TestDrive -ChildPath 'small.svg'
            $script:Counts | Export-BigramHeatmap -Path $file -Width 640 -Height 480
            $svg = Read-Svg -LiteralPath $file
            $svg.DocumentElement.GetAttribute('width') | Should -Be '640'
            $svg.DocumentElement.GetAttribute('height') | Should -Be '480'
        }

        It 'says with -Verbose why the cells carry no labels and which size gives them room' {
            $file = Join-Path -Path $TestDrive -ChildPath 'verbose.svg'
            foreach ($size in @(300, 300), @(1200, 400)) {
                $verbose = @($script:Counts | Export-BigramHeatmap -Path $file -Width $size[0] -Height $size[1] -Verbose 4>&1 | ForEach-Object Message)
                $missing = @($verbose | Where-Object { $_ -like '*without cell labels*' })
                $missing.Count | Should -Be 1
                $missing[0] | Should -Match ([regex]::Escape("at $($size[0])×$($size[1]) each cell is") + ' [0-9.]+ pixels wide, too small for its label, which needs [0-9]+ pixels')
                $missing[0] | Should -Match 'larger -Width and -Height'
                $missing[0] | Should -Match '1162×1162'
                # The SVG indeed has no cell labels: no text is a bigram.
                @(Get-SvgText -LiteralPath $file | Where-Object { $_ -cmatch '^[.a-z]{2}$' }).Count | Should -Be 0
            }

            $verbose = @($script:Counts | Export-BigramHeatmap -Path $file -Verbose 4>&1 | ForEach-Object Message)
            $verbose | Should -Contain 'Drawing a 27×27 heatmap of counts.'

            $many = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.ToCharArray() | ForEach-Object { "$($_)a" } | New-BigramModel
            $verbose = @($many | Export-BigramHeatmap -Path $file -Verbose 4>&1 | ForEach-Object Message)
            @($verbose | Where-Object { $_ -like '*without cell labels: a table of more than 40 symbols*at any size*' }).Count | Should -Be 1
        }

        It 'writes characters that need escaping safely' {
            $file = Join-Path -Path $TestDrive -ChildPath 'escaped.svg'
            'a<b', 'c&d', "q`"'x", "e$([char]7)f" | New-BigramModel | Export-BigramHeatmap -Path $file
            $texts = Get-SvgText -LiteralPath $file
            $texts | Should -Contain '<b'
            $texts | Should -Contain 'c&'
            $texts | Should -Contain "`"'"
            # A bigram with a character shown by its code point has a line for each character: e, U+0007, then the count.
            $cellLines = foreach ($i in 0..($texts.Count - 3)) { $texts[$i..($i + 2)] -join '|' }
            $cellLines | Should -Contain 'e|U+0007|1'
        }

        It 'emits the written file with -PassThru and nothing without it' {
            $file = Join-Path -Path $TestDrive -ChildPath 'passthru.svg'
            $script:Counts | Export-BigramHeatmap -Path $file | Should -BeNullOrEmpty
            $info = $script:Counts | Export-BigramHeatmap -Path $file -PassThru
            $info | Should -BeOfType ([System.IO.FileInfo])
            $info.FullName | Should -Be (Get-Item -LiteralPath $file).FullName
        }

        It 'writes to a -LiteralPath with wildcard characters and resolves relative paths' {
            $file = Join-Path -Path $TestDrive -ChildPath 'counts[1].svg'
            $script:Counts | Export-BigramHeatmap -LiteralPath $file
            Test-Path -LiteralPath $file | Should -BeTrue
            Push-Location -LiteralPath $TestDrive
            try {
                $script:Counts | Export-BigramHeatmap -Path 'relative.svg'
            }
            finally {
                Pop-Location
            }
            Test-Path -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'relative.svg') | Should -BeTrue
        }
    }

    Context 'Overwriting' {
        BeforeEach {
            $script:File = Join-Path -Path $TestDrive -ChildPath 'existing.svg'
            'emma' | New-BigramModel | Export-BigramHeatmap -Path $script:File
            $script:Before = Get-FileHash -LiteralPath $script:File
        }

        AfterEach {
            if (Test-Path -LiteralPath $script:File) {
                (Get-Item -LiteralPath $script:File).IsReadOnly = $false
                Remove-Item -LiteralPath $script:File -Force
            }
        }

        It 'writes nothing with -WhatIf' {
            $new = Join-Path -Path $TestDrive -ChildPath 'whatif.svg'
            $script:Counts | Export-BigramHeatmap -Path $new -WhatIf
            Test-Path -LiteralPath $new | Should -BeFalse
            $script:Counts | Export-BigramHeatmap -Path $script:File -WhatIf
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
        }

        It 'replaces an existing file by default' {
            $script:Counts | Export-BigramHeatmap -Path $script:File
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Not -Be $script:Before.Hash
        }

        It 'stops with FileExists and leaves the file alone with -NoClobber' {
            $failure = { $script:Counts | Export-BigramHeatmap -Path $script:File -NoClobber } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileExists,$script:CommandType"
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
        }

        It 'replaces a read-only file only with -Force' {
            (Get-Item -LiteralPath $script:File).IsReadOnly = $true
            $failure = { $script:Counts | Export-BigramHeatmap -Path $script:File } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileReadOnly,$script:CommandType"
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
            $script:Counts | Export-BigramHeatmap -Path $script:File -Force
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Not -Be $script:Before.Hash
        }

        It 'leaves the existing file and no temporary file behind when the input cannot be drawn' {
            $failure = { $script:Counts, $script:Counts | Export-BigramHeatmap -Path $script:File } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidChartInput,$script:CommandType"
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.existing.svg*').Count | Should -Be 0
        }

        It 'keeps a read-only file read-only when -Force replaces it, as Export-BigramModel and Out-File do' {
            (Get-Item -LiteralPath $script:File).IsReadOnly = $true
            $script:Counts | Export-BigramHeatmap -Path $script:File -Force
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Not -Be $script:Before.Hash
            (Get-Item -LiteralPath $script:File).IsReadOnly | Should -BeTrue
        }

        It 'only says what it would do under -WhatIf, with -NoClobber or on a read-only file, as Out-File does' {
            $script:Counts | Export-BigramHeatmap -Path $script:File -NoClobber -WhatIf -ErrorVariable problems
            $problems.Count | Should -Be 0
            (Get-Item -LiteralPath $script:File).IsReadOnly = $true
            $script:Counts | Export-BigramHeatmap -Path $script:File -WhatIf -ErrorVariable problems
            $problems.Count | Should -Be 0
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
        }
    }

    Context 'Both editions' {
        It 'draws the same pictures through the netstandard2.0 build, with OxyPlot from its own folder' {
            # Windows PowerShell 5.1 loads lib/netstandard2.0; 5.1 cannot run here, so PowerShell 7 loads that build.
            $desktopLib = Join-Path -Path $script:RepositoryRoot -ChildPath 'lib/netstandard2.0'
            $heatmap = Join-Path -Path $TestDrive -ChildPath 'desktop-counts.svg'
            $loss = Join-Path -Path $TestDrive -ChildPath 'desktop-loss.svg'
            $command = "Import-Module -Name '$(Join-Path -Path $desktopLib -ChildPath 'MakemorePS.dll')' -ErrorAction Stop; " +
                "New-BigramModel | Export-BigramHeatmap -LiteralPath '$heatmap'; " +
                "Invoke-BigramTraining -Steps 20 | Export-TrainingChart -LiteralPath '$loss'; " +
                "[OxyPlot.PlotModel].Assembly.Location"
            $result = Invoke-ChildPowerShell -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', $command) -WorkingDirectory $script:RepositoryRoot
            $result.ExitCode | Should -Be 0 -Because ($result.Lines -join "`n")
            $result.Lines[-1] | Should -Be (Join-Path -Path $desktopLib -ChildPath 'OxyPlot.dll')

            $coreHeatmap = Join-Path -Path $TestDrive -ChildPath 'core-counts.svg'
            $coreLoss = Join-Path -Path $TestDrive -ChildPath 'core-loss.svg'
            $script:Counts | Export-BigramHeatmap -LiteralPath $coreHeatmap
            Invoke-BigramTraining -Steps 20 | Export-TrainingChart -LiteralPath $coreLoss
            (Get-FileHash -LiteralPath $heatmap).Hash | Should -Be (Get-FileHash -LiteralPath $coreHeatmap).Hash
            # Training itself differs between the builds in the last bits of a float, so the loss charts match as text.
            Get-SvgText -LiteralPath $loss | Should -Be (Get-SvgText -LiteralPath $coreLoss)
        }
    }

    Context 'Errors' {
        It 'stops with NoChartData when nothing is piped' {
            $file = Join-Path -Path $TestDrive -ChildPath 'nothing.svg'
            $failure = { @() | Export-BigramHeatmap -Path $file } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoChartData,$script:CommandType"
            Test-Path -LiteralPath $file | Should -BeFalse
        }

        It 'stops with InvalidChartInput for -Probability with count records, or a model with records' {
            $file = Join-Path -Path $TestDrive -ChildPath 'invalid.svg'
            $failure = { Get-BigramCounts | Export-BigramHeatmap -Path $file -Probability } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidChartInput,$script:CommandType"
            $failure = { @($script:Counts) + @(Get-BigramCounts) | Export-BigramHeatmap -Path $file } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidChartInput,$script:CommandType"
            Test-Path -LiteralPath $file | Should -BeFalse
        }

        It 'stops with DirectoryNotFound for a missing folder and rejects a size out of range' {
            $failure = { $script:Counts | Export-BigramHeatmap -Path (Join-Path -Path $TestDrive -ChildPath 'missing/counts.svg') } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "DirectoryNotFound,$script:CommandType"
            $failure = { $script:Counts | Export-BigramHeatmap -Path (Join-Path -Path $TestDrive -ChildPath 'tiny.svg') -Width 10 } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
        }
    }
}
