# The netstandard2.0 build is the one Windows PowerShell 5.1 loads. 5.1 itself cannot run here, so these tests load
# that build in PowerShell 7 and drive its dependency resolver the way .NET Framework's strict binding would.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSetup.ps1')
    $script:DesktopLib = Join-Path -Path $script:RepositoryRoot -ChildPath 'lib/netstandard2.0'

    function Invoke-DesktopBuild {
        # Imports lib/netstandard2.0/MakemorePS.dll in a fresh PowerShell, then runs the command.
        param([Parameter(Mandatory)] [string] $Command)
        $import = "Import-Module -Name '$(Join-Path -Path $script:DesktopLib -ChildPath 'MakemorePS.dll')' -ErrorAction Stop; "
        Invoke-ChildPowerShell -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', $import + $Command) -WorkingDirectory $script:RepositoryRoot
    }
}

Describe 'The Windows PowerShell (netstandard2.0) build' {
    It 'runs the main job through the netstandard2.0 assemblies' {
        $command = '$core = (New-BigramModel -Name ab).GetType().Assembly; ' +
            '$core.GetCustomAttributes([System.Runtime.Versioning.TargetFrameworkAttribute], $false)[0].FrameworkName; ' +
            'New-BigramModel | Get-BigramSample -Count 10'
        $result = Invoke-DesktopBuild -Command $command
        $result.ExitCode | Should -Be 0 -Because ($result.Lines -join "`n")
        $result.Lines[0] | Should -Be '.NETStandard,Version=v2.0'
        # The same seeded names as the net8.0 build: one set of kernels, one sampler.
        $result.Lines[1..10] | Should -Be @(New-BigramModel | Get-BigramSample -Count 10)
    }

    It 'trains and scores with the TensorPrimitives kernels of the netstandard2.0 build' {
        $command = '$m = Invoke-BigramTraining -Steps 20; ' +
            '"{0:F4}" -f $m.FinalLoss; ' +
            '"{0:F4}" -f (Get-BundledName | Measure-NameLikelihood -Model (New-BigramModel) -Summary).MeanNegativeLogLikelihood'
        $result = Invoke-DesktopBuild -Command $command
        $result.ExitCode | Should -Be 0 -Because ($result.Lines -join "`n")
        $result.Lines[0] | Should -Be ('{0:F4}' -f (Invoke-BigramTraining -Steps 20).FinalLoss)
        $result.Lines[1] | Should -Be ('{0:F4}' -f (Get-BundledName | Measure-NameLikelihood -Model (New-BigramModel) -Summary).MeanNegativeLogLikelihood)
    }

    It 'starts an MLP from the lecture''s PyTorch weights, bit for bit, without the FMA instruction netstandard2.0 lacks' {
        # tests/reference/torch_generator_reference.txt holds the SHA-256 of PyTorch's own initial C, W1, W2 and b2.
        $fixture = Join-Path -Path $script:RepositoryRoot -ChildPath 'tests/reference/torch_generator_reference.txt'
        $expected = @(Get-Content -LiteralPath $fixture | Where-Object { $_ -like 'init *' } | ForEach-Object { ($_ -split ' ')[1, 3] -join '=' })
        $expected.Count | Should -Be 4
        $command = @'
$model = Invoke-MlpTraining -Steps 0
$rows = 0; $columns = 0
foreach ($name in 'C', 'W1', 'W2', 'b2') {
    $values = $model.GetParameter($name, [ref] $rows, [ref] $columns)
    $bytes = [byte[]]::new(4 * $values.Length)
    [Buffer]::BlockCopy($values, 0, $bytes, 0, $bytes.Length)
    $hash = [System.Security.Cryptography.SHA256]::Create().ComputeHash($bytes)
    '{0}={1}' -f $name, ([BitConverter]::ToString($hash) -replace '-').ToLowerInvariant()
}
'@
        $result = Invoke-DesktopBuild -Command $command
        $result.ExitCode | Should -Be 0 -Because ($result.Lines -join "`n")
        $result.Lines | Should -Be $expected
    }

    It 'ships every dependency the resolver may be asked for, and no PowerShell assembly' {
        $shipped = @(Get-ChildItem -LiteralPath $script:DesktopLib -Filter '*.dll' | ForEach-Object BaseName)
        $shipped | Should -Contain 'System.Numerics.Tensors'
        $shipped | Should -Contain 'Microsoft.Bcl.Numerics'
        $shipped | Should -Contain 'System.Memory'
        $shipped | Should -Not -Contain 'System.Management.Automation'
    }

    It 'answers a request for a shipped dependency at another version with the shipped file, as a binding redirect would' {
        # .NET Framework binds strong names by exact version; the resolver plays the part of binding redirects.
        $command = @'
$resolverType = [MakemorePS.Hosting.DependencyResolver]
$resolve = $resolverType.GetMethod('ResolveFromModuleDirectory', [System.Reflection.BindingFlags]'NonPublic, Static')
$libFolder = Split-Path -Path $resolverType.Assembly.Location -Parent
# PowerShell 7 itself provides some of these (System.Memory, ...): for those, .NET answers with its own newer copy,
# which is right there; every other dependency must come from the shipped file.
$platform = @(([AppContext]::GetData('TRUSTED_PLATFORM_ASSEMBLIES') -split [System.IO.Path]::PathSeparator) | ForEach-Object { [System.IO.Path]::GetFileNameWithoutExtension($_) })
foreach ($file in Get-ChildItem -LiteralPath $libFolder -Filter '*.dll' | Where-Object BaseName -NotLike 'MakemorePS*') {
    $request = [System.ResolveEventArgs]::new("$($file.BaseName), Version=0.0.0.1, Culture=neutral, PublicKeyToken=null")
    $answer = $resolve.Invoke($null, @($null, $request))
    $right = if ($platform -contains $file.BaseName) { $answer.GetName().Name -eq $file.BaseName } else { $answer.Location -eq $file.FullName }
    "{0}={1}" -f $file.BaseName, $right
}
$unknown = $resolve.Invoke($null, @($null, [System.ResolveEventArgs]::new('Not.Shipped.Anywhere, Version=1.0.0.0')))
"unknown=$($null -eq $unknown)"
'@
        $result = Invoke-DesktopBuild -Command $command
        $result.ExitCode | Should -Be 0 -Because ($result.Lines -join "`n")
        $answers = $result.Lines | Where-Object { $_ -match '=' }
        $answers | Should -Contain 'Microsoft.Bcl.Numerics=True'
        $answers | Should -Contain 'System.Numerics.Tensors=True'
        $answers | Where-Object { $_ -like '*=False' } | Should -BeNullOrEmpty
        $answers | Should -Contain 'unknown=True'
    }
}
