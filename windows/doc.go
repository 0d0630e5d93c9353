// Package windows holds what an editor on Windows gets beside dangjian.exe, and writes the
// release's Windows zip of them (internal/cmd/mkzip, run by make release).
//
// The editor copies dangjian.exe and dangjian-start.bat into the site's folder, beside
// site.yaml; a double-click on the .bat runs "dangjian.exe serve --open" there, or says in
// Chinese that no site.yaml is beside it; its window then stays open until a key is pressed,
// so that the message can be read. README.txt tells the editor so in Chinese, and how to
// commit with Git for Windows.
//
// Both files are kept here byte for byte as they ship (.gitattributes leaves them alone):
//
//   - dangjian-start.bat is GBK with CRLF line ends, and sets code page 936 before its first
//     Chinese line. cmd.exe reads a batch file line by line in the console's code page, which
//     on Windows 10 and 11 with a Chinese system locale is 936 (GBK) from the start: so the
//     text shows as written, in the old console and in Windows Terminal alike. A UTF-8 file
//     under chcp 65001 does not: cmd still splits the lines of a batch file by the GBK lead
//     bytes of such a system, so a line that ends in Chinese can swallow its line end and run
//     into the next. chcp 936 changes nothing on such a system; it makes the file read right
//     where the system code page is UTF-8 too (Windows' "Beta: use Unicode UTF-8" setting).
//     dangjian.exe's own output is not affected: Go writes to a console in UTF-16, whatever
//     its code page. Read the file with: iconv -f gbk windows/dangjian-start.bat
//   - README.txt is UTF-8 with a byte-order mark, by which every Notepad knows it from a GBK
//     file, and CRLF line ends, without which Notepad before Windows 10 1809 shows one line.
package windows
