package serve

import (
	"os/exec"
	"runtime"
)

// openBrowser opens url in the system's default browser, and does not wait for it; a test
// replaces it.
var openBrowser = func(url string) error {
	cmd := browserCommand(runtime.GOOS, url)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reaps the opener, whose status says nothing of the browser
	return nil
}

// browserCommand returns the command that opens url in the default browser of the system
// goos. On Windows, rundll32 hands the URL to its handler as it is, where cmd /c start would
// read its & as the end of a command and needs a window title first.
func browserCommand(goos, url string) *exec.Cmd {
	switch goos {
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		return exec.Command("open", url)
	}
	return exec.Command("xdg-open", url)
}
