# Build the Windows bundle and installer (NOT run in this project's CI: needs a Windows machine;
# .github/workflows/release.yml runs it on a windows-latest runner).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
#
# Output: packaging\dist\desktop-chat\desktop-chat.exe (onedir bundle) and
#         packaging\dist\desktop-chat-<version>-setup.exe (Inno Setup installer, per-user, no admin).
# Needs: Python 3.11+ (python.org or `actions/setup-python`), Inno Setup 6 (`choco install innosetup`;
# preinstalled on GitHub's Windows runners). Code signing runs when SIGN_CERT_FILE (a .pfx) and
# SIGN_CERT_PASSWORD are set (signtool from the Windows SDK); see packaging\README.md.
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $PSScriptRoot          # packaging\
$root = Split-Path -Parent $here                  # the checkout
$build = Join-Path $here "build"
$venv = Join-Path $build "venv"
$py = Join-Path $venv "Scripts\python.exe"

if (-not (Test-Path $py)) { python -m venv $venv }
& $py -m pip install --quiet --upgrade pip
& $py -m pip install --quiet -r (Join-Path $here "requirements.txt")
& $py -m pip install --quiet $root
& $py -m pip install --quiet --no-deps --force-reinstall $root
$version = (& $py -c "from importlib.metadata import version; print(version('desktop-chat'))").Trim()

# icon and version resource, from resources\desktop-chat.svg and the package metadata
New-Item -ItemType Directory -Force -Path $build | Out-Null
$env:DESKTOP_CHAT_ICON = Join-Path $build "desktop-chat.ico"
& $py (Join-Path $here "make_icons.py") ico $env:DESKTOP_CHAT_ICON
$parts = ($version -replace '[^0-9.].*$', '').Split('.') + @('0', '0', '0', '0') | Select-Object -First 4
$tuple = ($parts -join ', ')
$env:DESKTOP_CHAT_WIN_VERSION_FILE = Join-Path $build "version_info.txt"
@"
VSVersionInfo(
  ffi=FixedFileInfo(filevers=($tuple), prodvers=($tuple), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'desktop_chat'),
      StringStruct('FileDescription', 'desktop_chat'),
      StringStruct('FileVersion', '$version'),
      StringStruct('InternalName', 'desktop-chat'),
      StringStruct('OriginalFilename', 'desktop-chat.exe'),
      StringStruct('ProductName', 'desktop_chat'),
      StringStruct('ProductVersion', '$version')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"@ | Set-Content -Encoding UTF8 $env:DESKTOP_CHAT_WIN_VERSION_FILE

& (Join-Path $venv "Scripts\pyinstaller.exe") --noconfirm --clean --log-level WARN `
    --distpath (Join-Path $here "dist") --workpath (Join-Path $build "pyinstaller") (Join-Path $here "desktop_chat.spec")
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

function Sign($file) {
    if ($env:SIGN_CERT_FILE) {
        signtool sign /f $env:SIGN_CERT_FILE /p $env:SIGN_CERT_PASSWORD /fd SHA256 `
            /tr $(if ($env:SIGN_TIMESTAMP_URL) { $env:SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }) /td SHA256 $file
        if ($LASTEXITCODE -ne 0) { throw "signing $file failed" }
    }
}
Sign (Join-Path $here "dist\desktop-chat\desktop-chat.exe")

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc /Qp "/DAppVersion=$version" "/DSourceDir=$(Join-Path $here 'dist\desktop-chat')" `
    "/DOutputDir=$(Join-Path $here 'dist')" "/DIconFile=$env:DESKTOP_CHAT_ICON" (Join-Path $PSScriptRoot "desktop-chat.iss")
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Sign (Join-Path $here "dist\desktop-chat-$version-setup.exe")
Write-Host "installer: packaging\dist\desktop-chat-$version-setup.exe"
