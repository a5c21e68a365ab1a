; Inno Setup script: Duizhao's Windows installer, build/duizhao-<version>-setup.exe.
;
; packaging/build.py runs it on Windows after PyInstaller has built dist\duizhao:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\duizhao /DOutputDir=build
;        /DIconFile=build\icons\duizhao.ico packaging\windows\duizhao.iss
; (.github/workflows/build-windows.yml). Not built or tested on the project's
; own (Linux) machines: see README.md, "Packaging".
;
; Per-user install by default (no administrator rights needed), 64-bit only,
; Start-menu entry, optional desktop icon, `duizhao` on the user's PATH so the
; command line works from a terminal, clean uninstall.

#ifndef AppVersion
  #error Pass /DAppVersion=<version from pyproject.toml> (packaging/build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\duizhao"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\duizhao.ico"
#endif

[Setup]
AppId={{6B0C7E52-3D7A-4C38-9A53-5F1D2C0E8A41}
AppName=Duizhao
AppVersion={#AppVersion}
AppVerName=Duizhao {#AppVersion}
AppPublisher=Duizhao developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Duizhao
DefaultGroupName=Duizhao
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=duizhao-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\duizhao.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the duizhao command to PATH"; GroupDescription: "Command line:"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Duizhao"; Filename: "{app}\duizhao.exe"; Comment: "Read and compare Chinese-language news side by side"
Name: "{autodesktop}\Duizhao"; Filename: "{app}\duizhao.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\duizhao.exe"; Description: "{cm:LaunchProgram,Duizhao}"; Parameters: "--demo"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
