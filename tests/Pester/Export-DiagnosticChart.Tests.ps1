BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.ExportDiagnosticChartCommand'

    # A small network, diagnosed every 50 steps: 6 points per parameter and per layer.
    $script:Training = @{ Steps = 300; HiddenSize = 40; Diagnostics = $true; DiagnosticsInterval = 50 }
    $script:Names = Get-BundledName -Count 2000
    $script:Mlp = $script:Names | Invoke-MlpTraining @script:Training
    $script:Parameters = 'C (27x10)', 'W1 (30x40)', 'bngain (1x40)', 'bnbias (1x40)', 'W2 (40x27)', 'b2 (1x27)'
    $script:Layers = 'Embedding', 'Linear1', 'BatchNorm', 'Tanh', 'Linear2'

    function Get-SvgCurve {
        # The polylines of an SVG file drawn in a colour: the number of points of each, in document order.
        param([Parameter(Mandatory)] [string] $LiteralPath, [Parameter(Mandatory)] [string] $Stroke)
        $document = Read-Svg -LiteralPath $LiteralPath
        $namespaces = [System.Xml.XmlNamespaceManager]::new($document.NameTable)
        $namespaces.AddNamespace('svg', 'http://www.w3.org/2000/svg')
        $document.SelectNodes('//svg:polyline', $namespaces) |
            Where-Object { $_.GetAttribute('style') -match "stroke:$([regex]::Escape($Stroke));" } |
            ForEach-Object { @($_.GetAttribute('points') -split ' ' | Where-Object { $_ }).Count }
    }
}

Describe 'Export-DiagnosticChart' {
    Context 'The update-to-data ratio' {
        It 'draws a model trained with -Diagnostics: one curve per parameter and the guide line at -3' {
            $file = Join-Path -Path $TestDrive -ChildPath 'ratio.svg'
            $script:Mlp | Export-DiagnosticChart -Path $file
            (Read-Svg -LiteralPath $file).DocumentElement.GetAttribute('width') | Should -Be '800'
            (Read-Svg -LiteralPath $file).DocumentElement.GetAttribute('height') | Should -Be '500'
            $texts = Get-SvgText -LiteralPath $file
            $texts | Should -Contain 'Update-to-data ratio'
            $texts | Should -Contain 'step'
            $texts | Should -Contain 'log10(lr · std(grad) / std(data))'
            $texts | Should -Contain 'guide: -3'
            $script:Parameters | ForEach-Object { $texts | Should -Contain $_ }

            # C's curve (matplotlib's first colour) has a point per diagnosis; the legend's sample line has two.
            Get-SvgCurve -LiteralPath $file -Stroke 'rgb(31,119,180)' | Should -Be @(6, 2)
        }

        It 'draws a model loaded from its file as it drew the model that was saved, for both kinds' {
            $saved = Join-Path -Path $TestDrive -ChildPath 'diagnosed.json'
            $script:Mlp | Export-BigramModel -Path $saved
            $loaded = Import-BigramModel -LiteralPath $saved
            foreach ($kind in 'UpdateToDataRatio', 'Activation') {
                $fromModel = Join-Path -Path $TestDrive -ChildPath "trained-$kind.svg"
                $fromFile = Join-Path -Path $TestDrive -ChildPath "loaded-$kind.svg"
                $script:Mlp | Export-DiagnosticChart -Path $fromModel -Kind $kind
                $loaded | Export-DiagnosticChart -Path $fromFile -Kind $kind
                (Get-FileHash -LiteralPath $fromFile).Hash | Should -Be (Get-FileHash -LiteralPath $fromModel).Hash
            }
        }

        It 'draws the same chart from the gradient statistics, from a CSV file of them, and from the streamed training records' {
            $fromModel = Join-Path -Path $TestDrive -ChildPath 'model.svg'
            $fromRecords = Join-Path -Path $TestDrive -ChildPath 'records.svg'
            $fromCsv = Join-Path -Path $TestDrive -ChildPath 'csv.svg'
            $fromStream = Join-Path -Path $TestDrive -ChildPath 'stream.svg'
            $csv = Join-Path -Path $TestDrive -ChildPath 'gradients.csv'
            $script:Mlp | Export-DiagnosticChart -Path $fromModel
            $script:Mlp.GradientStatistics | Export-DiagnosticChart -Path $fromRecords
            $script:Mlp.GradientStatistics | Export-Csv -LiteralPath $csv -NoTypeInformation
            Import-Csv -LiteralPath $csv | Export-DiagnosticChart -Path $fromCsv
            $script:Names | Invoke-MlpTraining @script:Training -AsTrainingRecord | Export-DiagnosticChart -Path $fromStream
            $hash = (Get-FileHash -LiteralPath $fromModel).Hash
            (Get-FileHash -LiteralPath $fromRecords).Hash | Should -Be $hash
            (Get-FileHash -LiteralPath $fromCsv).Hash | Should -Be $hash
            (Get-FileHash -LiteralPath $fromStream).Hash | Should -Be $hash
        }

        It 'draws rows that hold only the columns it needs, and leaves out a ratio that is empty' {
            $file = Join-Path -Path $TestDrive -ChildPath 'rows.svg'
            $rows = 1..4 | ForEach-Object { [pscustomobject]@{ Step = "$($_ * 10)"; Parameter = 'W1'; UpdateToDataRatioLog10 = "-2.$_" } }
            $rows += [pscustomobject]@{ Step = '50'; Parameter = 'W1'; UpdateToDataRatioLog10 = '' }
            $rows | Export-DiagnosticChart -Path $file
            Get-SvgText -LiteralPath $file | Should -Contain 'W1'
            Get-SvgCurve -LiteralPath $file -Stroke 'rgb(31,119,180)' | Should -Be @(4, 2)
        }
    }

    Context 'The activations' {
        It 'draws the std of every layer and the tanh saturation with -Kind Activation, as from the activation statistics and their CSV' {
            $fromModel = Join-Path -Path $TestDrive -ChildPath 'activations.svg'
            $fromRecords = Join-Path -Path $TestDrive -ChildPath 'activation-records.svg'
            $fromCsv = Join-Path -Path $TestDrive -ChildPath 'activation-csv.svg'
            $csv = Join-Path -Path $TestDrive -ChildPath 'activations.csv'
            $script:Mlp | Export-DiagnosticChart -Path $fromModel -Kind Activation
            (Read-Svg -LiteralPath $fromModel).DocumentElement.GetAttribute('height') | Should -Be '600'
            $texts = Get-SvgText -LiteralPath $fromModel
            $texts | Should -Contain 'Activations'
            $texts | Should -Contain 'tanh saturated (%)'
            $texts | Should -Contain 'std'
            $script:Layers | ForEach-Object { $texts | Should -Contain $_ }
            # The Tanh layer (the fourth colour) has its std and its saturation curve, and one legend sample.
            Get-SvgCurve -LiteralPath $fromModel -Stroke 'rgb(214,39,40)' | Should -Be @(6, 6, 2)

            $script:Mlp.ActivationStatistics | Export-DiagnosticChart -Path $fromRecords
            $script:Mlp.ActivationStatistics | Export-Csv -LiteralPath $csv -NoTypeInformation
            Import-Csv -LiteralPath $csv | Export-DiagnosticChart -Path $fromCsv
            (Get-FileHash -LiteralPath $fromRecords).Hash | Should -Be (Get-FileHash -LiteralPath $fromModel).Hash
            (Get-FileHash -LiteralPath $fromCsv).Hash | Should -Be (Get-FileHash -LiteralPath $fromModel).Hash
        }

        It 'shows part 2''s saturated tanh layer against part 3''s' {
            $part2 = $script:Names | Invoke-MlpTraining -Steps 1 -Initialization Gaussian -NoBatchNorm -Diagnostics -DiagnosticsInterval 1
            $part3 = $script:Names | Invoke-MlpTraining -Steps 1 -Diagnostics -DiagnosticsInterval 1
            $saturated = foreach ($model in $part2, $part3) {
                $file = Join-Path -Path $TestDrive -ChildPath 'saturation.svg'
                $model | Export-DiagnosticChart -Path $file -Kind Activation -Force
                # Each axis writes its labels, then its title: the saturation axis's labels follow the std axis's title.
                # The largest of them bounds the saturated percentage.
                $texts = @(Get-SvgText -LiteralPath $file)
                $labels = $texts[([array]::IndexOf($texts, 'std') + 1)..([array]::IndexOf($texts, 'tanh saturated (%)') - 1)]
                ($labels | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) } | Measure-Object -Maximum).Maximum
            }
            $saturated[0] | Should -BeGreaterThan 50
            $saturated[1] | Should -BeLessThan 20
        }
    }

    Context 'Options' {
        It 'takes -Width, -Height, -Title and -InputObject, and emits the file with -PassThru' {
            $file = Join-Path -Path $TestDrive -ChildPath 'sized.svg'
            Export-DiagnosticChart -InputObject $script:Mlp.GradientStatistics -Path $file -Width 1024 -Height 400 -Title 'Part 3 & more' | Should -BeNullOrEmpty
            (Read-Svg -LiteralPath $file).DocumentElement.GetAttribute('width') | Should -Be '1024'
            Get-SvgText -LiteralPath $file | Should -Contain 'Part 3 & more'
            $info = $script:Mlp | Export-DiagnosticChart -LiteralPath $file -PassThru
            $info | Should -BeOfType ([System.IO.FileInfo])
            $info.FullName | Should -Be (Get-Item -LiteralPath $file).FullName
        }
    }

    Context 'Bad input' {
        It 'reports records of the other kind, unreadable rows and a model without diagnostics, and draws the rest' {
            $file = Join-Path -Path $TestDrive -ChildPath 'mixed.svg'
            @($script:Mlp.GradientStatistics) + @($script:Mlp.ActivationStatistics[0], 'not a record',
                [pscustomobject]@{ Step = 'x'; Parameter = 'W1'; UpdateToDataRatioLog10 = '-3' }, (New-BigramModel)) |
                Export-DiagnosticChart -Path $file -ErrorVariable problems -ErrorAction SilentlyContinue
            @($problems.FullyQualifiedErrorId) | Should -Be @(
                "InvalidChartInput,$script:CommandType", "InvalidChartInput,$script:CommandType",
                "InvalidChartInput,$script:CommandType", "NoChartData,$script:CommandType")
            $problems[0].Exception.Message | Should -BeLike '*activation statistics record*-Kind Activation*'
            Get-SvgCurve -LiteralPath $file -Stroke 'rgb(31,119,180)' | Should -Be @(6, 2)
        }

        It 'reports a second run and draws the first' {
            $file = Join-Path -Path $TestDrive -ChildPath 'two.svg'
            $other = $script:Names | Invoke-MlpTraining -Steps 100 -HiddenSize 40 -Diagnostics -DiagnosticsInterval 50
            $script:Mlp, $other | Export-DiagnosticChart -Path $file -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -Be "InvalidChartInput,$script:CommandType"
            $problems[0].Exception.Message | Should -BeLike '*already has C at step 50*one training run*'
            Get-SvgCurve -LiteralPath $file -Stroke 'rgb(31,119,180)' | Should -Be @(6, 2)
        }

        It 'stops with NoChartData when nothing can be drawn, writing no file' {
            $file = Join-Path -Path $TestDrive -ChildPath 'none.svg'
            $failure = { $script:Names | Invoke-MlpTraining -Steps 20 -HiddenSize 40 -AsTrainingRecord | Export-DiagnosticChart -Path $file } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoChartData,$script:CommandType"
            $failure.Exception.Message | Should -BeLike '*-Diagnostics*'

            # try/catch rather than Should -Throw, so the error variable is set in this scope.
            $failure = $null
            try {
                $script:Mlp.GradientStatistics | Export-DiagnosticChart -Path $file -Kind Activation -ErrorVariable problems -ErrorAction SilentlyContinue
            }
            catch {
                $failure = $_
            }
            $failure.FullyQualifiedErrorId | Should -Be "NoChartData,$script:CommandType"
            # One error per gradient record (6 parameters, 6 steps); the variable also holds the terminating error's exception.
            $records = @($problems | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            @($records.FullyQualifiedErrorId) | Should -Be (@("InvalidChartInput,$script:CommandType") * 36)
            $records[0].Exception.Message | Should -BeLike '*as -Kind asks*'

            $plain = $script:Names | Invoke-MlpTraining -Steps 20 -HiddenSize 40
            $failure = { $plain | Export-DiagnosticChart -Path $file -ErrorAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoChartData,$script:CommandType"

            # A model says why it has nothing: it was trained without -Diagnostics, or diagnosed less often than it stepped.
            $sparse = $script:Names | Invoke-MlpTraining -Steps 20 -HiddenSize 40 -Diagnostics -DiagnosticsInterval 50
            foreach ($case in @{ Model = $plain; Reason = '*Train it with Invoke-MlpTraining -Diagnostics*' }, @{ Model = $sparse; Reason = '*-DiagnosticsInterval no larger than -Steps*' }) {
                try { $case.Model | Export-DiagnosticChart -Path $file -ErrorVariable problems -ErrorAction SilentlyContinue } catch { $null = $_ }
                $problems[0].FullyQualifiedErrorId | Should -Be "NoChartData,$script:CommandType"
                $problems[0].Exception.Message | Should -BeLike $case.Reason
            }
            Test-Path -LiteralPath $file | Should -BeFalse
        }
    }

    Context 'Overwriting' {
        BeforeEach {
            $script:File = Join-Path -Path $TestDrive -ChildPath 'existing.svg'
            $script:Mlp | Export-DiagnosticChart -Path $script:File -Kind Activation
            $script:Before = Get-FileHash -LiteralPath $script:File
        }

        AfterEach {
            if (Test-Path -LiteralPath $script:File) {
                (Get-Item -LiteralPath $script:File).IsReadOnly = $false
                Remove-Item -LiteralPath $script:File -Force
            }
        }

        It 'writes nothing with -WhatIf' {
            $script:Mlp | Export-DiagnosticChart -Path $script:File -WhatIf
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
        }

        It 'stops with FileExists with -NoClobber and FileReadOnly without -Force, leaving the file alone' {
            $failure = { $script:Mlp | Export-DiagnosticChart -Path $script:File -NoClobber } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileExists,$script:CommandType"
            (Get-Item -LiteralPath $script:File).IsReadOnly = $true
            $failure = { $script:Mlp | Export-DiagnosticChart -Path $script:File } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FileReadOnly,$script:CommandType"
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
            $script:Mlp | Export-DiagnosticChart -Path $script:File -Force
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Not -Be $script:Before.Hash
        }

        It 'leaves the existing file and no temporary file behind when there is nothing to draw' {
            $failure = { New-BigramModel | Export-DiagnosticChart -Path $script:File -ErrorAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoChartData,$script:CommandType"
            (Get-FileHash -LiteralPath $script:File).Hash | Should -Be $script:Before.Hash
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.existing.svg*').Count | Should -Be 0
        }
    }

    Context 'Both editions' {
        It 'draws the same picture from a CSV file through the netstandard2.0 build' {
            # Windows PowerShell 5.1 loads lib/netstandard2.0; 5.1 cannot run here, so PowerShell 7 loads that build.
            $csv = Join-Path -Path $TestDrive -ChildPath 'editions.csv'
            $desktop = Join-Path -Path $TestDrive -ChildPath 'desktop.svg'
            $core = Join-Path -Path $TestDrive -ChildPath 'core.svg'
            $script:Mlp.GradientStatistics | Export-Csv -LiteralPath $csv -NoTypeInformation
            Import-Csv -LiteralPath $csv | Export-DiagnosticChart -LiteralPath $core
            $library = Join-Path -Path $script:RepositoryRoot -ChildPath 'lib/netstandard2.0/MakemorePS.dll'
            $command = "Import-Module -Name '$library' -ErrorAction Stop; Import-Csv -LiteralPath '$csv' | Export-DiagnosticChart -LiteralPath '$desktop'"
            $result = Invoke-ChildPowerShell -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', $command) -WorkingDirectory $script:RepositoryRoot
            $result.ExitCode | Should -Be 0 -Because ($result.Lines -join "`n")
            (Get-FileHash -LiteralPath $desktop).Hash | Should -Be (Get-FileHash -LiteralPath $core).Hash
        }
    }
}
