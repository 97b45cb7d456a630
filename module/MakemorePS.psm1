# Loader: picks the cmdlet assembly built for the running edition and imports it.
# PowerShell 7.4+ runs on .NET 8 and loads lib/net8.0; Windows PowerShell 5.1 loads lib/netstandard2.0, whose
# assembly initializer resolves the shipped dependencies (System.Memory, System.Text.Json, ...) from its own folder.
Set-StrictMode -Version Latest

$moduleRoot = Split-Path -Path $PSScriptRoot -Parent
if ($PSVersionTable.PSEdition -eq 'Core') {
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        $message = "MakemorePS needs PowerShell 7.4 or later (it runs on .NET 8), or Windows PowerShell 5.1; this is PowerShell $($PSVersionTable.PSVersion). Install PowerShell 7.4+ and import the module again."
        $exception = [System.PlatformNotSupportedException]::new($message)
        throw [System.Management.Automation.ErrorRecord]::new($exception, 'UnsupportedPowerShellVersion', [System.Management.Automation.ErrorCategory]::NotInstalled, $PSVersionTable.PSVersion)
    }

    $framework = 'net8.0'
}
else {
    $framework = 'netstandard2.0'
}

$assemblyPath = Join-Path -Path $moduleRoot -ChildPath "lib/$framework/MakemorePS.dll"
if (-not (Test-Path -LiteralPath $assemblyPath -PathType Leaf)) {
    $message = "The MakemorePS cmdlets have not been built: '$assemblyPath' does not exist. Run 'dotnet build -c Release' in '$moduleRoot' first (only a Release build fills lib/), then import the module again."
    $exception = [System.IO.FileNotFoundException]::new($message, $assemblyPath)
    throw [System.Management.Automation.ErrorRecord]::new($exception, 'ModuleNotBuilt', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $assemblyPath)
}

$binaryModule = Import-Module -Name $assemblyPath -PassThru
Export-ModuleMember -Cmdlet @($binaryModule.ExportedCmdlets.Keys)
