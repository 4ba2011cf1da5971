; Inno Setup 6 script: a Windows installer around the PyInstaller folder dist\passerelle.
; NOT BUILT OR TESTED YET: written on Linux, where neither the bundle nor Inno Setup runs.
;
;   pyinstaller --noconfirm --clean packaging\passerelle.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\passerelle.iss
;
; gives dist\passerelle-0.1.0-windows-setup.exe. It installs for the current user only (no
; administrator needed; IT can still choose "all users"), adds a Start menu entry, and on an
; upgrade replaces the program folder while the data stays in %LOCALAPPDATA%\Passerelle,
; which neither the installer nor the uninstaller ever touches.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
; The AppId identifies Passerelle across versions: never change it, or upgrades install twice.
AppId={{8D3E5B58-5664-4A10-9B22-96FF64C30F11}
AppName=Passerelle
AppVersion={#AppVersion}
AppVerName=Passerelle {#AppVersion}
AppPublisher=BIOQuébec and Life Sciences Ontario
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Passerelle
DefaultGroupName=Passerelle
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=passerelle-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\pyinstaller\passerelle\icons\passerelle.ico
UninstallDisplayIcon={app}\passerelle.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade closes a running Passerelle first (it asks), so no file is in use.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade must not keep libraries of the previous version next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\passerelle\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Passerelle"; Filename: "{app}\passerelle.exe"
Name: "{autodesktop}\Passerelle"; Filename: "{app}\passerelle.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\passerelle.exe"; Description: "{cm:LaunchProgram,Passerelle}"; Flags: nowait postinstall skipifsilent
