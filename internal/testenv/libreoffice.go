package testenv

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// libreOfficeTimeout bounds one conversion: a first start that makes its profile takes
// seconds; a LibreOffice that hangs on a document must not hang the tests.
const libreOfficeTimeout = 2 * time.Minute

// LibreOffice returns the path of LibreOffice's soffice (Debian's libreoffice-writer-nogui,
// or one on PATH).
func LibreOffice(t testing.TB) string {
	t.Helper()
	return program(t, "LibreOffice (soffice, Debian's libreoffice-writer-nogui)", "", "soffice")
}

// ConvertWithLibreOffice converts file into outdir with soffice --convert-to format ("docx",
// "pdf", or with a filter, "txt:Text (encoded):UTF8") and returns the path of what it wrote:
// outdir, file's name, the format's extension.
func ConvertWithLibreOffice(t testing.TB, file, format, outdir string) string {
	t.Helper()
	out, err := convertWithLibreOffice(LibreOffice(t), file, format, outdir, t.TempDir(), libreOfficeTimeout)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// convertWithLibreOffice runs soffice headless with its own user profile in the folder
// profile: LibreOffice hands a document to any instance that shares its profile, so that
// conversions in parallel, or beside an editor's open LibreOffice, would meet, and root has
// no profile of its own to start with. soffice exits 0 on a document it cannot load, so the
// output file is what tells success.
func convertWithLibreOffice(soffice, file, format, outdir, profile string, timeout time.Duration) (string, error) {
	file, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	ext, _, _ := strings.Cut(format, ":")
	out := filepath.Join(outdir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+ext)
	if err := os.Remove(out); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	profileURL := url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}
	if !strings.HasPrefix(profileURL.Path, "/") { // C:/… on Windows
		profileURL.Path = "/" + profileURL.Path
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation="+profileURL.String(),
		"--convert-to", format, "--outdir", outdir, file)
	inProcessGroup(cmd)
	cmd.WaitDelay = time.Second
	printed, err := cmd.CombinedOutput()
	switch {
	case ctx.Err() != nil:
		return "", fmt.Errorf("LibreOffice did not convert %s to %s within %s:\n%s", file, format, timeout, printed)
	case err != nil:
		return "", fmt.Errorf("LibreOffice, converting %s to %s: %v:\n%s", file, format, err, printed)
	}
	if _, err := os.Stat(out); err != nil {
		return "", fmt.Errorf("LibreOffice wrote no %s converting %s to %s:\n%s", out, file, format, printed)
	}
	return out, nil
}
