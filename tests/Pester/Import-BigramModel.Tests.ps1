BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.ImportBigramModelCommand'
    $script:Folder = Join-Path -Path $TestDrive -ChildPath 'models'
    $null = New-Item -ItemType Directory -Path $script:Folder
    $script:Counts = 'emma', 'ava', 'olivia' | New-BigramModel
    $script:Neural = 'emma', 'ava', 'olivia' | Invoke-BigramTraining -Steps 5
    $script:Counts | Export-BigramModel -Path (Join-Path -Path $script:Folder -ChildPath 'a-counts.json')
    $script:Neural | Export-BigramModel -Path (Join-Path -Path $script:Folder -ChildPath 'b-neural.json')
}

Describe 'Import-BigramModel' {
    Context 'Loading' {
        It 'loads every file a wildcard matches' {
            $models = @(Import-BigramModel -Path (Join-Path -Path $script:Folder -ChildPath '*.json'))
            $models.Count | Should -Be 2
            $models.Kind | Should -Be @('Counts', 'Neural')
            $models[0] | Should -BeOfType ([MakemorePS.Core.BigramModel])
        }

        It 'tells MLPs from bigram models by Kind, as a filter over loaded files' {
            $file = Join-Path -Path $TestDrive -ChildPath 'kind-mlp.json'
            'emma', 'ava', 'olivia' | Invoke-MlpTraining -Steps 2 -HiddenSize 4 | Export-BigramModel -Path $file
            $models = @(Import-BigramModel -Path (Join-Path -Path $script:Folder -ChildPath '*.json'), $file)
            $models.Kind | Should -Be @('Counts', 'Neural', 'Mlp')
            $mlp = @($models | Where-Object Kind -eq 'Mlp')
            $mlp.Count | Should -Be 1
            $mlp[0] | Should -BeOfType ([MakemorePS.Core.MlpModel])
            @($models | Where-Object Kind -eq 'Counts').Count | Should -Be 1
        }

        It 'loads files piped from Get-ChildItem' {
            $models = @(Get-ChildItem -LiteralPath $script:Folder -Filter '*.json' | Sort-Object -Property Name | Import-BigramModel)
            $models.Kind | Should -Be @('Counts', 'Neural')
            $models[1].Steps | Should -Be 5
        }

        It 'loads paths piped as strings' {
            $model = Join-Path -Path $script:Folder -ChildPath 'a-counts.json' | Import-BigramModel
            $model.TrainingNames | Should -Be @('emma', 'ava', 'olivia')
        }

        It 'loads a piped file whose name has wildcard characters' {
            $odd = Join-Path -Path $TestDrive -ChildPath 'odd[1].json'
            $script:Counts | Export-BigramModel -LiteralPath $odd
            $model = Get-Item -LiteralPath $odd | Import-BigramModel
            $model.NameCount | Should -Be 3
        }

        It 'gives a loaded model the probabilities of the saved one' {
            $model = Import-BigramModel -LiteralPath (Join-Path -Path $script:Folder -ChildPath 'b-neural.json')
            ($model | Get-BigramProbability).Probability | Should -Be ($script:Neural | Get-BigramProbability).Probability
        }
    }

    Context 'Bad files' {
        BeforeAll {
            $script:Bad = Join-Path -Path $TestDrive -ChildPath 'bad'
            $null = New-Item -ItemType Directory -Path $script:Bad
            $good = Join-Path -Path $script:Bad -ChildPath 'good.json'
            $script:Counts | Export-BigramModel -Path $good
            $text = Get-Content -LiteralPath $good -Raw
            Set-Content -LiteralPath (Join-Path -Path $script:Bad -ChildPath 'truncated.json') -Value $text.Substring(0, [int]($text.Length / 2)) -NoNewline
            Set-Content -LiteralPath (Join-Path -Path $script:Bad -ChildPath 'not-json.json') -Value 'emma,ava' -NoNewline
            Set-Content -LiteralPath (Join-Path -Path $script:Bad -ChildPath 'empty.json') -Value '' -NoNewline
        }

        It 'reports each bad file as InvalidModelFile and still loads the good one' {
            $models = @(Import-BigramModel -Path (Join-Path -Path $script:Bad -ChildPath '*.json') -ErrorVariable errors -ErrorAction SilentlyContinue)
            $models.Count | Should -Be 1
            $models[0].NameCount | Should -Be 3
            $errors.Count | Should -Be 3
            $errors.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be "InvalidModelFile,$script:CommandType"
            $errors | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidData' }
            ($errors.TargetObject | ForEach-Object { Split-Path -Path $_ -Leaf } | Sort-Object) | Should -Be @('empty.json', 'not-json.json', 'truncated.json')
        }

        It 'refuses a file that is not text from its first bytes and still loads the others' {
            $binary = Join-Path -Path $TestDrive -ChildPath 'zeros.json'
            [System.IO.File]::WriteAllBytes($binary, [byte[]]::new(1MB))
            $good = Join-Path -Path $script:Folder -ChildPath 'a-counts.json'
            $models = @(Import-BigramModel -LiteralPath $binary, $good -ErrorVariable errors -ErrorAction SilentlyContinue)
            $models.Count | Should -Be 1
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "InvalidModelFile,$script:CommandType"
            $errors[0].Exception.Message | Should -Match 'not JSON, so not a model: it starts with the byte 0x00'
        }

        It 'rejects a file written in a newer format' {
            $good = Join-Path -Path $script:Bad -ChildPath 'good.json'
            $newer = Join-Path -Path $TestDrive -ChildPath 'newer.json'
            $text = Get-Content -LiteralPath $good -Raw
            $text -match '"formatVersion"\s*:\s*1\b' | Should -BeTrue
            Set-Content -LiteralPath $newer -Value ($text -replace '"formatVersion"\s*:\s*1\b', '"formatVersion": 99') -NoNewline
            $failure = { Import-BigramModel -LiteralPath $newer -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidModelFile,$script:CommandType"
            $failure.Exception.Message | Should -Match 'version'
        }

        It 'reports a path that matches nothing as PathNotFound' {
            $missing = Join-Path -Path $TestDrive -ChildPath 'missing.json'
            Import-BigramModel -Path $missing -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errors[0].FullyQualifiedErrorId | Should -Be "PathNotFound,$script:CommandType"
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }
}

Describe 'Import-BigramModel: bad files are reported one by one' {
    BeforeAll {
        $script:ImportCommandType = 'MakemorePS.Commands.ImportBigramModelCommand'
        $script:Good = Join-Path -Path $TestDrive -ChildPath 'good.json'
        'emma', 'ava' | New-BigramModel | Export-BigramModel -Path $script:Good
    }

    It 'reports counts that overflow as InvalidModelFile and still loads the files after it' {
        $huge = Join-Path -Path $TestDrive -ChildPath 'huge.json'
        $json = Get-Content -LiteralPath $script:Good -Raw | ConvertFrom-Json
        $json.counts[0][1] = [long]::MaxValue
        $json.counts[1][0] = [long]::MaxValue
        $json | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $huge
        $models = @(Import-BigramModel -LiteralPath $huge, $script:Good -ErrorVariable problems -ErrorAction SilentlyContinue)
        $models.Count | Should -Be 1
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "InvalidModelFile,$script:ImportCommandType"
        $problems[0].Exception.Message | Should -Match 'add up to more than'
    }

    It 'reads a model saved as UTF-16 text' {
        $unicode = Join-Path -Path $TestDrive -ChildPath 'unicode.json'
        [System.IO.File]::WriteAllText($unicode, (Get-Content -LiteralPath $script:Good -Raw), [System.Text.Encoding]::Unicode)
        $model = Import-BigramModel -LiteralPath $unicode
        $model.TrainingNames | Should -Be @('emma', 'ava')
    }

    It 'gives an imported model with a huge smoothing uniform rows, as New-BigramModel does' {
        $smooth = Join-Path -Path $TestDrive -ChildPath 'smooth.json'
        New-BigramModel -Smoothing 1 | Export-BigramModel -Path $smooth
        $json = Get-Content -LiteralPath $smooth -Raw | ConvertFrom-Json
        $json.smoothing = 1e307
        $json | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $smooth
        $model = Import-BigramModel -LiteralPath $smooth
        ($model | Get-BigramProbability).Probability | ForEach-Object { [math]::Abs($_ - 1 / 27) | Should -BeLessThan 1e-15 }
        @($model | Get-BigramSample -Count 3).Count | Should -Be 3
    }
}
