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

    It 'refuses pipeline input with one terminating error instead of emitting every name' {
        # It takes no pipeline input: before, each piped object got a binding error and then all 32,257 names came.
        $emitted = [System.Collections.Generic.List[object]]::new()
        $failure = { 'x' | Get-BundledName | ForEach-Object { $emitted.Add($_) } } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "PipelineInputNotAccepted,$script:CommandType"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match 'Where-Object'
        $failure.Exception.Message | Should -Match '-Count'
        $emitted.Count | Should -Be 0
    }

    It 'emits no name for pipeline input even when errors are silenced' {
        $emitted = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try { 'emma', 'ava' | Get-BundledName -Count 3 -ErrorAction SilentlyContinue | ForEach-Object { $emitted.Add($_) } }
        catch { $caught = $_ }
        $emitted.Count | Should -Be 0
        $caught.FullyQualifiedErrorId | Should -Be "PipelineInputNotAccepted,$script:CommandType"
    }

    It 'still runs inside a script block that has pipeline input of its own' {
        (1..2 | ForEach-Object { Get-BundledName -Count 1 }) | Should -Be @('emma', 'emma')
    }

    It 'rejects a negative count' {
        $failure = { Get-BundledName -Count -1 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$script:CommandType"
    }
}
