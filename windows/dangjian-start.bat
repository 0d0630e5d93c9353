@echo off
chcp 936 >nul
rem 双击本文件预览网站：在本文件所在的文件夹里运行 dangjian.exe serve --open。
rem 本文件要和 dangjian.exe 一起放在网站文件夹里，与 site.yaml 放在一起。
rem 本文件用 GBK 编码、CRLF 换行保存：中文版 Windows 的命令行窗口按 GBK 读它。
title 党建网站预览
pushd "%~dp0"
if not exist "site.yaml" goto nosite
if not exist "dangjian.exe" goto noexe
echo 正在启动网站预览，稍后浏览器会自动打开网站。
echo 修改并保存网页后，浏览器里的页面会自动更新。
echo 预览时请让本窗口一直开着；要停止预览，关闭本窗口即可。
echo.
.\dangjian.exe serve --open
if errorlevel 1 goto failed
echo.
echo 网站预览已停止。
goto end

:nosite
echo 没有找到 site.yaml，无法预览网站。
echo.
echo 本文件现在所在的文件夹是：
echo "%~dp0"
echo 这里没有 site.yaml，所以它不是网站文件夹。
echo.
echo 请把 %~nx0 和 dangjian.exe 这两个文件复制到网站文件夹里，
echo 也就是放着 site.yaml 文件和 content 文件夹的那个文件夹，
echo 然后在那里双击 %~nx0。
goto end

:noexe
echo 没有找到 dangjian.exe，无法预览网站。
echo.
echo 请把 dangjian.exe 也复制到这个文件夹里，和 %~nx0、site.yaml 放在一起：
echo "%~dp0"
goto end

:failed
echo.
echo 网站预览出错停止了，原因见上面的提示。
goto end

:end
popd
echo.
pause
