# Dot-sourced by TestSetup.ps1 and tests/Invoke-Pester.ps1: the one place that knows how to start a new PowerShell
# like the one running now.

function Get-ChildPowerShell {
    # Returns the executable and the arguments that must precede a new PowerShell's own arguments:
    # - an installed pwsh (pwsh on Linux and macOS, pwsh.exe on Windows): itself, nothing before;
    # - the .NET tool (`dotnet pwsh`), whose process is dotnet: dotnet, then the tool's pwsh.dll;
    # - any other host (Windows PowerShell, an editor's host): the first pwsh on PATH.
    $processPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $processName = [System.IO.Path]::GetFileNameWithoutExtension($processPath)
    if ($processName -eq 'pwsh') {
        return [pscustomobject]@{ FilePath = $processPath; ArgumentPrefix = [string[]]@() }
    }
    $toolEntryPoint = Join-Path -Path $PSHOME -ChildPath 'pwsh.dll'
    if ($processName -eq 'dotnet' -and (Test-Path -LiteralPath $toolEntryPoint)) {
        return [pscustomobject]@{ FilePath = $processPath; ArgumentPrefix = [string[]]@($toolEntryPoint) }
    }
    $installed = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $installed) {
        throw [System.Management.Automation.ItemNotFoundException]::new(
            "Cannot start a child PowerShell: this host ($processPath) is neither pwsh nor the .NET tool, and no pwsh is on PATH. Run the tests with 'dotnet pwsh' after 'dotnet tool restore'.")
    }
    [pscustomobject]@{ FilePath = $installed.Source; ArgumentPrefix = [string[]]@() }
}

function Invoke-ChildPowerShell {
    # Runs pwsh with the given arguments in a new process and returns its exit code and output lines
    # (standard error merged in).
    param(
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [string] $WorkingDirectory = (Get-Location).ProviderPath
    )
    $child = Get-ChildPowerShell
    Push-Location -LiteralPath $WorkingDirectory
    try {
        $output = & $child.FilePath @($child.ArgumentPrefix + $ArgumentList) 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Lines = [string[]]@($output | ForEach-Object { "$_" }) }
    }
    finally {
        Pop-Location
    }
}
