@echo off
rem Starts the Outpost server. Needs Java 21 or newer (JAVA_HOME or java on the PATH). Options: see docs/server.md.
setlocal
set HERE=%~dp0
set JAVA=java
if defined JAVA_HOME set JAVA=%JAVA_HOME%\bin\java
for %%f in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set LAUNCHER=%%f
"%JAVA%" -Xmx1g -jar "%LAUNCHER%" -consoleLog -application org.outpost.server.server %*
