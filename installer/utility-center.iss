; Inno Setup 6 script: the Windows installer of Utility Center for Warehouse Pro <-> CloudCart.
;
; Built by installer/build.py after PyInstaller, which passes:
;   ISCC /DAppVersion=<app.__version__> /DSourceDir=<dist\utility-center> /DRootDir=<repo> /O<dist> utility-center.iss
; By hand, from the repository root after `python installer/build.py --no-installer`:
;   ISCC /DAppVersion=0.1.0 installer\utility-center.iss
;
; The installer does not bundle the ODBC drivers (MS SQL: "ODBC Driver 18 for SQL Server"; Access: "Microsoft
; Access Database Engine 2016 Redistributable", same bitness as this 64-bit program); see installer/README.md.
; Uninstalling keeps the operator's servers, state and logs (%LOCALAPPDATA%\UtilityCenter) and the keyring.

#ifndef AppVersion
  #error AppVersion is not defined: build with installer/build.py or pass /DAppVersion=X.Y.Z to ISCC
#endif
#ifndef RootDir
  #define RootDir AddBackslash(SourcePath) + ".."
#endif
#ifndef SourceDir
  #define SourceDir RootDir + "\dist\utility-center"
#endif
#if !FileExists(SourceDir + "\utility-center.exe")
  #error The PyInstaller bundle is missing (SourceDir\utility-center.exe): run installer/build.py first
#endif

#define AppName "Utility Center CloudCart"
#define AppFullName "Utility Center for Warehouse Pro and CloudCart"
#define GuiExe "utility-center-gui.exe"
#define ConsoleExe "utility-center.exe"

[Setup]
; A fixed AppId: upgrades replace the installed version instead of installing a second copy.
AppId={{6F1C5E62-4D0B-4C8E-9A57-2B7C1E4D9A31}
AppName={#AppFullName}
AppVersion={#AppVersion}
AppVerName={#AppFullName} {#AppVersion}
AppPublisher={#AppFullName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#GuiExe}
OutputBaseFilename=UtilityCenter-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; 64-bit Python and Qt: install on 64-bit Windows only, into Program Files (not Program Files (x86)).
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Per-user by default (no administrator needed); the operator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesEnvironment=yes
CloseApplications=yes
InfoAfterFile={#RootDir}\installer\windows-prerequisites.txt
#if FileExists(RootDir + "\build\utility-center.ico")
SetupIconFile={#RootDir}\build\utility-center.ico
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(CompilerPath + "Languages\Bulgarian.isl")
Name: "bulgarian"; MessagesFile: "compiler:Languages\Bulgarian.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the utility-center command to PATH (for Task Scheduler and scripts)"; GroupDescription: "Command line:"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade must not keep modules of the previous version next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{group}\{#AppName} (demo shop)"; Filename: "{app}\{#GuiExe}"; Parameters: "--demo"; Comment: "Open the program on its demo shop and demo warehouse"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Registry]
; PATH of the user (per-user install) or of the machine (all users), only with the "addtopath" task.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: not IsAdminInstallMode and NeedsAddPath('{app}')
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: IsAdminInstallMode and NeedsAddPath('{app}')

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function PathKey(): String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

function PathRoot(): Integer;
begin
  if IsAdminInstallMode then
    Result := HKEY_LOCAL_MACHINE
  else
    Result := HKEY_CURRENT_USER;
end;

function NeedsAddPath(Dir: String): Boolean;
var
  Current: String;
begin
  Dir := ExpandConstant(Dir);
  if not RegQueryStringValue(PathRoot(), PathKey(), 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

procedure RemoveFromPath(Dir: String);
var
  Current: String;
  P: Integer;
begin
  if not RegQueryStringValue(PathRoot(), PathKey(), 'Path', Current) then
    exit;
  P := Pos(';' + Uppercase(Dir), Uppercase(Current));
  if P > 0 then
  begin
    Delete(Current, P, Length(Dir) + 1);
    RegWriteExpandStringValue(PathRoot(), PathKey(), 'Path', Current);
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
end;

function OdbcDriverInstalled(Name: String): Boolean;
begin
  Result := RegValueExists(HKEY_LOCAL_MACHINE_64, 'SOFTWARE\ODBC\ODBCINST.INI\ODBC Drivers', Name);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and not WizardSilent then
  begin
    if not OdbcDriverInstalled('ODBC Driver 18 for SQL Server') and
       not OdbcDriverInstalled('Microsoft Access Driver (*.mdb, *.accdb)') then
      MsgBox('No ODBC driver for MS SQL or Access was found on this computer.' + #13#10#13#10 +
             'Warehouse Pro databases on MS SQL need "ODBC Driver 18 for SQL Server"; Access databases need the ' +
             '64-bit "Microsoft Access Database Engine 2016 Redistributable". MySQL and SQLite need nothing more.' +
             #13#10#13#10 + 'See the notes shown next.', mbInformation, MB_OK);
  end;
end;
