@echo off
rem The Outpost server's administrator command line; run it without arguments for its commands.
setlocal
set HERE=%~dp0
set JAVA=java
if defined JAVA_HOME set JAVA=%JAVA_HOME%\bin\java
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set LAUNCHER=%%f
"%JAVA%" -jar "%LAUNCHER%" -consoleLog -application org.outpost.server.admin %*
