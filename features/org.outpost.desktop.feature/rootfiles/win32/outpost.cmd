@echo off
rem Starts the Outpost desktop. Needs Java 21 or newer: JAVA_HOME or java on the PATH.
rem Data lives in %USERPROFILE%\.outpost\desktop unless you pass -data folder.
setlocal
set "HERE=%~dp0"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%f"
if not defined LAUNCHER (
  echo outpost: no launcher in %HERE%plugins 1>&2
  exit /b 1
)
if not defined OUTPOST_VM_ARGS set "OUTPOST_VM_ARGS=-Xmx1g"
set "APP="
for %%c in (login sync status discard help) do if /i "%~1"=="%%c" set "APP=-application org.outpost.cli.outpost -nosplash"
"%JAVA%" %OUTPOST_VM_ARGS% -jar "%LAUNCHER%" %APP% %*
