@{
    RootModule             = 'module/MakemorePS.psm1'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5b8f3c2e-6a41-4d7b-9e0c-2f1a7d3b9c64'
    Author                 = 'MakemorePS contributors'
    CompanyName            = 'MakemorePS'
    Copyright              = '(c) MakemorePS contributors. MIT License.'
    Description            = 'Character-level language models of names from the shell, after makemore parts 1 to 3: bigram models by counting and by gradient descent, and an MLP with embeddings and BatchNorm. Train, sample, score, save and load them, and chart them: heatmaps, loss curves and training diagnostics.'
    PowerShellVersion      = '5.1'
    TypesToProcess         = @('module/MakemorePS.types.ps1xml')
    FormatsToProcess       = @('module/MakemorePS.format.ps1xml')
    FunctionsToExport      = @()
    CmdletsToExport        = @(
        'Compare-BigramModel'
        'Export-BigramHeatmap'
        'Export-BigramModel'
        'Export-DiagnosticChart'
        'Export-TrainingChart'
        'Get-BigramCounts'
        'Get-BigramProbability'
        'Get-BigramSample'
        'Get-BundledName'
        'Get-NameSample'
        'Import-BigramModel'
        'Invoke-BigramTraining'
        'Invoke-MlpTraining'
        'Measure-NameLikelihood'
        'New-BigramModel'
        'Split-NameSet'
    )
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('makemore', 'bigram', 'mlp', 'language-model', 'names', 'machine-learning', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/makemoreps/MakemorePS'
            LicenseUri   = 'https://github.com/makemoreps/MakemorePS/blob/main/LICENSE'
        }
    }
}
