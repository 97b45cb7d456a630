BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:CommandType = 'MakemorePS.Commands.GetBundledNameCommand'
}

Describe 'Get-BundledName' {
    It 'emits every bundled name as a string, in file order' {
        $names = @(Get-BundledName)
        $names.Count | Should -Be $script:BundledNameCount
        $names[0] | Should -BeOfType ([string])
        $names[0..9] | Should -Be @('emma', 'olivia', 'ava', 'isabella', 'sophia', 'charlotte', 'mia', 'amelia', 'harper', 'evelyn')
        ($names | Sort-Object -Unique -CaseSensitive).Count | Should -Be 29693
    }

    It 'emits lower-case names of 2 to 15 letters' {
        $names = Get-BundledName
        $names | Where-Object { $_ -cnotmatch '^[a-z]{2,15}$' } | Should -BeNullOrEmpty
        ($names | Measure-Object -Property Length -Minimum -Maximum).Minimum | Should -Be 2
        ($names | Measure-Object -Property Length -Minimum -Maximum).Maximum | Should -Be 15
    }

    It 'emits only the first -Count names' {
        Get-BundledName -Count 3 | Should -Be @('emma', 'olivia', 'ava')
        Get-BundledName -Count 0 | Should -BeNullOrEmpty
        @(Get-BundledName -Count 100000).Count | Should -Be $script:BundledNameCount
    }

    It 'feeds the other cmdlets through the pipeline' {
        $model = Get-BundledName -Count 100 | New-BigramModel
        $model.NameCount | Should -Be 100
        $model.TrainingNames[0] | Should -Be 'emma'
    }

    It 'rejects a negative count' {
        $failure = { Get-BundledName -Count -1 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
    }
}
