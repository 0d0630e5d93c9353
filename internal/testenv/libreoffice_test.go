package testenv

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestConvertWithLibreOffice converts a text to .docx and the .docx back to text, both in
// parallel with another conversion, each with its own profile.
func TestConvertWithLibreOffice(t *testing.T) {
	LibreOffice(t)
	for _, name := range []string{"一", "二"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			text := "党建工作" + name + "\n"
			src := filepath.Join(dir, "报告 "+name+".txt")
			if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			docx := ConvertWithLibreOffice(t, src, "docx", filepath.Join(dir, "docx"))
			if want := filepath.Join(dir, "docx", "报告 "+name+".docx"); docx != want {
				t.Errorf("wrote %s, want %s", docx, want)
			}
			r, err := zip.OpenReader(docx)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if _, err := r.Open("word/document.xml"); err != nil {
				t.Errorf("%s: %v", docx, err)
			}
			back := ConvertWithLibreOffice(t, docx, "txt:Text (encoded):UTF8", filepath.Join(dir, "txt"))
			data, err := os.ReadFile(back)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimPrefix(string(data), "\ufeff"); got != text {
				t.Errorf("%s holds %q, want %q", back, got, text)
			}
		})
	}
}

// TestConvertWithLibreOfficeStandIn runs stand-ins for soffice: the arguments it is given,
// and what tells a failure when soffice exits 0 without writing, exits otherwise, or hangs.
func TestConvertWithLibreOfficeStandIn(t *testing.T) {
	for _, tt := range []struct {
		name, script string
		want         string // in the error; "" for none
	}{
		{"writes", `printf '%s\n' "$@" >"$OUTDIR/args"; : >"$OUTDIR/in.docx"`, ""},
		{"writes nothing", `echo "Error: source file could not be loaded"`, "wrote no"},
		{"fails", `echo "no display" >&2; exit 81`, "exit status 81:\nno display"},
		{"hangs", `sleep 600`, "did not convert"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			soffice := filepath.Join(dir, "soffice")
			if err := os.WriteFile(soffice, []byte("#!/bin/sh\n"+tt.script+"\n"), 0o755); err != nil {
				t.Fatal(err)
			}
			outdir := filepath.Join(dir, "out")
			if err := os.Mkdir(outdir, 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("OUTDIR", outdir)
			profile := filepath.Join(dir, "a profile")
			out, err := convertWithLibreOffice(soffice, "testdata/in.fodt", "docx", outdir, profile, time.Second)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %v, want one saying %q", err, tt.want)
				}
				return
			}
			if err != nil || out != filepath.Join(outdir, "in.docx") {
				t.Fatalf("wrote %s, error %v", out, err)
			}
			args, err := os.ReadFile(filepath.Join(outdir, "args"))
			if err != nil {
				t.Fatal(err)
			}
			in, _ := filepath.Abs("testdata/in.fodt")
			want := strings.Join([]string{"--headless", "--norestore", "--nolockcheck",
				"-env:UserInstallation=file://" + filepath.ToSlash(strings.ReplaceAll(profile, " ", "%20")),
				"--convert-to", "docx", "--outdir", outdir, in}, "\n") + "\n"
			if string(args) != want {
				t.Errorf("soffice ran with\n%s\nwant\n%s", args, want)
			}
		})
	}
}
