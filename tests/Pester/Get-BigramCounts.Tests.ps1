BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.GetBigramCountsCommand'
    $script:EmmaAva = @('.a=1', '.e=1', 'a.=2', 'av=1', 'em=1', 'ma=1', 'mm=1', 'va=1')
}

Describe 'Get-BigramCounts' {
    Context 'Names from the pipeline and -Name' {
        It 'counts every bigram of each name, boundaries included, in vocabulary order' {
            $records = 'emma', 'ava' | Get-BigramCounts
            $records | Format-Bigram | Should -Be $script:EmmaAva
            $records[0] | Should -BeOfType ([MakemorePS.Core.BigramCountRecord])
        }

        It 'binds -Name like the pipeline' {
            Get-BigramCounts -Name 'emma', 'ava' | Format-Bigram | Should -Be $script:EmmaAva
        }

        It 'binds the Name property of piped objects' {
            $people = [pscustomobject]@{ Name = 'emma'; Age = 3 }, [pscustomobject]@{ Name = 'ava'; Age = 5 }
            $people | Get-BigramCounts | Format-Bigram | Should -Be $script:EmmaAva
        }

        It 'trims names and skips blank ones with a single warning' {
            $records = 'emma', '', '   ', ' ava ' | Get-BigramCounts -WarningVariable warnings -WarningAction SilentlyContinue
            $records | Format-Bigram | Should -Be $script:EmmaAva
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Be 'Skipped 2 blank lines.'
        }

        It 'reports a name with the boundary token as InvalidName and still counts the others' {
            $records = 'emma', 'a.b', 'ava' | Get-BigramCounts -ErrorVariable errors -ErrorAction SilentlyContinue
            $records | Format-Bigram | Should -Be $script:EmmaAva
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "InvalidName,$script:CommandType"
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $errors[0].TargetObject | Should -Be 'a.b'
        }

        It 'keeps upper and lower case apart unless -LowerCase is given' {
            ('Ava', 'ava' | Get-BigramCounts | Where-Object First -CEQ '.').Count | Should -Be 2
            'Ava', 'ava' | Get-BigramCounts -LowerCase | Format-Bigram | Should -Be @('.a=2', 'a.=2', 'av=2', 'va=2')
        }

        It 'counts non-ASCII characters as single symbols' {
            $zoe = 'zo' + [char]0xEB
            $records = $zoe | Get-BigramCounts
            $records | Format-Bigram | Should -Be @('.z=1', "o$([char]0xEB)=1", 'zo=1', "$([char]0xEB).=1")
        }

        It 'fails with NoInputNames when the pipeline delivers nothing' {
            $empty = Join-Path -Path $TestDrive -ChildPath 'empty.txt'
            $null = New-Item -ItemType File -Path $empty
            $failure = { Get-Content -LiteralPath $empty | Get-BigramCounts } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }

        It 'fails with NoInputNames when every piped name is blank' {
            $failure = { '', ' ' | Get-BigramCounts -WarningAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        }
    }

    Context 'The bundled names' {
        BeforeAll {
            $script:BundledOutput = Get-BigramCounts -Verbose 4>&1
            $script:BundledRecords = @($script:BundledOutput | Where-Object { $_ -is [MakemorePS.Core.BigramCountRecord] })
        }

        It 'uses the bundled names when given no input, and says so in the verbose stream' {
            $verbose = @($script:BundledOutput | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            ($verbose.Message -join "`n") | Should -Match 'bundled'
            ($script:BundledRecords | Measure-Object -Property Count -Sum).Sum | Should -Be $script:BundledBigramCount
        }

        It 'finds the most frequent bigrams of the lecture with Sort-Object' {
            $top = $script:BundledRecords | Sort-Object -Property Count -Descending | Select-Object -First 3
            $top | Format-Bigram | Should -Be @('n.=6808', 'a.=6682', 'an=5471')
        }

        It 'emits only bigrams that occur, each once' {
            $script:BundledRecords | Where-Object Count -LE 0 | Should -BeNullOrEmpty
            ($script:BundledRecords | ForEach-Object { $_.First + $_.Second } | Sort-Object -Unique -CaseSensitive).Count |
                Should -Be $script:BundledRecords.Count
        }

        It 'starts a name with every letter and ends a name with every letter' {
            ($script:BundledRecords | Where-Object First -EQ '.').Second | Should -Be $script:LetterSymbols
            ($script:BundledRecords | Where-Object Second -EQ '.' | Measure-Object -Property Count -Sum).Sum | Should -Be $script:BundledNameCount
        }
    }

    Context '-AsMatrix and Export-Csv' {
        BeforeAll {
            $script:Matrix = @(Get-BigramCounts -AsMatrix)
        }

        It 'emits one row per current character: First, then one column per next character' {
            $script:Matrix.Count | Should -Be 27
            $script:Matrix[0].PSObject.Properties.Name | Should -Be (@('First') + $script:BundledSymbols)
            $script:Matrix.First | Should -Be $script:BundledSymbols
            ($script:Matrix | Where-Object First -EQ '.').a | Should -Be 4438
            ($script:Matrix | Where-Object First -EQ 'q').u | Should -Be 207
            ($script:Matrix | Where-Object First -EQ '.').'.' | Should -Be 0
        }

        It 'round-trips through Export-Csv and Import-Csv as the 27x27 table' {
            $csv = Join-Path -Path $TestDrive -ChildPath 'counts.csv'
            $script:Matrix | Export-Csv -LiteralPath $csv -NoTypeInformation

            $lines = @(Get-Content -LiteralPath $csv)
            $lines.Count | Should -Be 28
            $header = $lines[0] -split ','
            $header.Count | Should -Be 28
            $header[0] | Should -Be '"First"'
            $header[1] | Should -Be '"."'
            $header[27] | Should -Be '"z"'

            $rows = @(Import-Csv -LiteralPath $csv)
            $rows.Count | Should -Be 27
            $rows.First | Should -Be $script:BundledSymbols
            $total = 0
            foreach ($row in $rows) {
                foreach ($symbol in $script:BundledSymbols) {
                    $total += [long]$row.$symbol
                }
            }
            $total | Should -Be $script:BundledBigramCount
            ($rows | Where-Object First -EQ 'n').'.' | Should -Be '6808'
        }

        It 'gives characters that differ only in case, and a space, distinct columns' {
            $rows = @('Ab', 'ab', 'a b' | Get-BigramCounts -AsMatrix)
            $rows.First | Should -Be @('.', ' ', 'A', 'a', 'b')
            $rows[0].PSObject.Properties.Name | Should -Be @('First', '.', 'U+0020', 'U+0041', 'a', 'b')
            ($rows | Where-Object First -CEQ 'A').b | Should -Be 1
            ($rows | Where-Object First -CEQ '.').'U+0041' | Should -Be 1

            $csv = Join-Path -Path $TestDrive -ChildPath 'cased.csv'
            $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
            $back = @(Import-Csv -LiteralPath $csv)
            $back[0].PSObject.Properties.Name | Should -Be @('First', '.', 'U+0020', 'U+0041', 'a', 'b')
            ($back | Where-Object First -CEQ ' ').b | Should -Be '1'
        }
    }

    Context 'Files' {
        It 'reads several files through a wildcard -Path' {
            Write-NameFile -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'one.txt') -Name 'emma'
            Write-NameFile -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'two.txt') -Name 'ava'
            Get-BigramCounts -Path (Join-Path -Path $TestDrive -ChildPath '*.txt') | Format-Bigram | Should -Be $script:EmmaAva
        }

        It 'reads a file whose name has wildcard characters through -LiteralPath' {
            $file = Join-Path -Path $TestDrive -ChildPath 'names[1].txt'
            Write-NameFile -LiteralPath $file -Name 'emma', 'ava'
            Get-BigramCounts -LiteralPath $file | Format-Bigram | Should -Be $script:EmmaAva
        }

        It 'reads CRLF files with a byte order mark and reports their blank lines' {
            $file = Join-Path -Path $TestDrive -ChildPath 'windows.txt'
            Write-NameFile -LiteralPath $file -Name 'emma', '', 'ava' -CrLf -ByteOrderMark
            $records = Get-BigramCounts -Path $file -WarningVariable warnings -WarningAction SilentlyContinue
            $records | Format-Bigram | Should -Be $script:EmmaAva
            $warnings[0].Message | Should -Be 'Skipped 1 blank line.'
        }

        It 'reports a missing file as PathNotFound and still reads the others' {
            $file = Join-Path -Path $TestDrive -ChildPath 'present.txt'
            Write-NameFile -LiteralPath $file -Name 'emma', 'ava'
            $missing = Join-Path -Path $TestDrive -ChildPath 'missing.txt'
            $records = Get-BigramCounts -Path $missing, $file -ErrorVariable errors -ErrorAction SilentlyContinue
            $records | Format-Bigram | Should -Be $script:EmmaAva
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "PathNotFound,$script:CommandType"
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'reports a bad line with its line number and counts the rest of the file' {
            $file = Join-Path -Path $TestDrive -ChildPath 'dotted.txt'
            Write-NameFile -LiteralPath $file -Name 'emma', 'e.t', 'ava'
            $records = Get-BigramCounts -LiteralPath $file -ErrorVariable errors -ErrorAction SilentlyContinue
            $records | Format-Bigram | Should -Be $script:EmmaAva
            $errors[0].FullyQualifiedErrorId | Should -Be "InvalidName,$script:CommandType"
            $errors[0].Exception.Message | Should -Match 'line 2'
        }
    }
}

Describe 'Get-BigramCounts: input as PowerShell users give it' {
    It 'never falls back to the bundled names for an empty variable given to -Name' {
        $empty = Join-Path -Path $TestDrive -ChildPath 'nothing.txt'
        $null = New-Item -ItemType File -Path $empty -Force
        $names = Get-Content -LiteralPath $empty
        $failure = { Get-BigramCounts -Name $names } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        $failure.Exception.Message | Should -Not -Match 'errors above'
        $filtered = { Get-BigramCounts -Name ('emma', 'ava' | Where-Object { $_ -like 'z*' }) } | Should -Throw -PassThru
        $filtered.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
    }

    It 'points at the errors above only when there were some' {
        $failure = { 'a.b' | Get-BigramCounts -ErrorAction SilentlyContinue } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match 'see the 1 error above'
    }

    It 'rejects each object that is not a name instead of counting its text' {
        $records = $true, (Get-Date), @{ Age = 3 }, [pscustomobject]@{ First = 'b' }, 'emma', @{ Name = 'ava' } |
            Get-BigramCounts -ErrorVariable refused -ErrorAction SilentlyContinue
        $records | Format-Bigram | Should -Be $script:EmmaAva
        $refused.Count | Should -Be 4
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike "ParameterArgumentTransformationError,$script:CommandType" }
        $refused[0].Exception.Message | Should -Match 'not a name'
    }

    It 'refuses Import-Csv rows without a Name column rather than counting them as junk names' {
        $csv = Join-Path -Path $TestDrive -ChildPath 'counts.csv'
        'emma', 'ava' | Get-BigramCounts | Export-Csv -LiteralPath $csv -NoTypeInformation
        $failure = { Import-Csv -LiteralPath $csv | Get-BigramCounts -ErrorAction SilentlyContinue } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
    }

    It 'says, when every piped object was refused, that none was a name rather than that nothing came' {
        $failure = $null
        try { 42, (Get-Date) | Get-BigramCounts -ErrorVariable refused -ErrorAction SilentlyContinue }
        catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        $failure.Exception.Message | Should -Not -Match 'it produced nothing\.'
        $failure.Exception.Message | Should -Match 'nothing that is a name'
        # Each refusal names the object's type without a wrong article ("A Int32").
        $refused[0].Exception.Message | Should -Match "The Int32 '42' is not a name\."
        $refused[0].Exception.Message | Should -Not -Match '\bA Int32\b'
    }

    It 'reads the files piped from Get-ChildItem instead of counting their names' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'piped'
        $null = New-Item -ItemType Directory -Path $folder
        Write-NameFile -LiteralPath (Join-Path -Path $folder -ChildPath 'one.txt') -Name 'emma'
        Write-NameFile -LiteralPath (Join-Path -Path $folder -ChildPath 'two.txt') -Name 'ava'
        Get-ChildItem -LiteralPath $folder -Filter '*.txt' | Get-BigramCounts | Format-Bigram | Should -Be $script:EmmaAva
    }

    It 'honours backtick-escaped wildcard characters in -Path, as Get-Content does' {
        Write-NameFile -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'br[1].txt') -Name 'emma', 'ava'
        Push-Location -LiteralPath $TestDrive
        try {
            Get-BigramCounts -Path 'br`[1`].txt' | Format-Bigram | Should -Be $script:EmmaAva
        }
        finally {
            Pop-Location
        }
    }

    It 'reports a folder as PathIsDirectory and a path of another provider as NotFileSystemPath' {
        $file = Join-Path -Path $TestDrive -ChildPath 'good.txt'
        Write-NameFile -LiteralPath $file -Name 'emma', 'ava'
        $records = Get-BigramCounts -LiteralPath $TestDrive, 'Env:PATH', $file -ErrorVariable problems -ErrorAction SilentlyContinue
        $records | Format-Bigram | Should -Be $script:EmmaAva
        $problems.FullyQualifiedErrorId | Should -Be @("PathIsDirectory,$script:CommandType", "NotFileSystemPath,$script:CommandType")
    }

    It 'reports a file that cannot be read as FileReadFailed' -Skip:(-not $IsLinux) {
        # /proc/self/mem exists but reading it from the start fails with an I/O error.
        $file = Join-Path -Path $TestDrive -ChildPath 'good.txt'
        Write-NameFile -LiteralPath $file -Name 'emma', 'ava'
        $records = Get-BigramCounts -LiteralPath '/proc/self/mem', $file -ErrorVariable problems -ErrorAction SilentlyContinue
        $records | Format-Bigram | Should -Be $script:EmmaAva
        $problems.FullyQualifiedErrorId | Should -Be "FileReadFailed,$script:CommandType"
    }

    It 'rejects a piped name longer than the 1 MiB line limit' {
        $records = ('a' * (1MB + 1)), 'emma', 'ava' | Get-BigramCounts -ErrorVariable problems -ErrorAction SilentlyContinue
        $records | Format-Bigram | Should -Be $script:EmmaAva
        $problems.FullyQualifiedErrorId | Should -Be "InvalidName,$script:CommandType"
        $problems[0].Exception.Message | Should -Match '1,048,576 bytes'
    }
}

Describe 'Get-BigramCounts: inputs without end' {
    It 'cuts a line with no end off at the line limit and gives up the rest of the input' -Skip:(-not $IsLinux) {
        $failure = $null
        try {
            $null = Get-BigramCounts -LiteralPath '/dev/zero' -ErrorVariable problems -ErrorAction SilentlyContinue
        }
        catch {
            $failure = $_
        }
        $failure.FullyQualifiedErrorId | Should -Be "NoInputNames,$script:CommandType"
        $problems = @($problems | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -notlike 'NoInputNames*' })
        $problems.FullyQualifiedErrorId | Should -Be @("InvalidName,$script:CommandType", "FileReadFailed,$script:CommandType")
        $problems[0].Exception.Message | Should -Match '1,048,576 bytes'
        $problems[1].Exception.Message | Should -Match 'no line end within'
    }

    It 'stops counting an endless file promptly when the pipeline is stopped (Ctrl+C)' -Skip:(-not $IsLinux) {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($Manifest)
                    Import-Module -Name $Manifest
                    'started'
                    Get-BigramCounts -LiteralPath '/dev/urandom' -ErrorAction Ignore
                }).AddArgument($script:ManifestPath)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $none = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $none.Complete()
            $running = $shell.BeginInvoke($none, $output)
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while ($output.Count -lt 1 -and [datetime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            Start-Sleep -Milliseconds 500
            $running.IsCompleted | Should -BeFalse
            # Stop() returns only when the command has stopped; a counter that ignored it would hang here.
            $stopping = $shell.BeginStop($null, $null)
            $stopping.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(60)) | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $shell.Dispose()
        }
    }
}
