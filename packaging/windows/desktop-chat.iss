; Inno Setup 6 script for desktop_chat (NOT run in this project's CI; see build_windows.ps1).
; Installs the PyInstaller onedir bundle per user (no admin rights), with a Start menu entry,
; an optional desktop icon and an uninstaller. Conversations (the user data folder) are kept on
; uninstall; API keys live in Windows Credential Manager under "desktop-chat".
; build_windows.ps1 passes AppVersion, SourceDir, OutputDir and IconFile with /D.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\desktop-chat"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

[Setup]
; keep this AppId for every release: it is how upgrades find the installed copy
AppId={{6E0D3C52-4B8E-4B7A-9F0C-DC5A1C7E2B11}
AppName=desktop_chat
AppVersion={#AppVersion}
AppVerName=desktop_chat {#AppVersion}
AppPublisher=desktop_chat
DefaultDirName={autopf}\desktop_chat
DefaultGroupName=desktop_chat
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=desktop-chat-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\desktop-chat.exe
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
; Windows 10 1809+ (Qt 6 needs Windows 10)
MinVersion=10.0.17763

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the bundle whole: no stale modules from the previous version
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\desktop_chat"; Filename: "{app}\desktop-chat.exe"
Name: "{autodesktop}\desktop_chat"; Filename: "{app}\desktop-chat.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\desktop-chat.exe"; Description: "{cm:LaunchProgram,desktop_chat}"; Flags: nowait postinstall skipifsilent
