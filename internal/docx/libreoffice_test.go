package docx

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/testenv"
)

// TestLibreOfficeReads: LibreOffice, a reader that is not ours, reads the sample and says its
// text: the title, the headings, the list, the table and the caption, in their order.
func TestLibreOfficeReads(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		testenv.Missing(t, "LibreOffice (Debian's libreoffice-writer-nogui)", "test-deps")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(file, write(t, sample(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	// A profile of its own, so that it neither waits for nor changes another LibreOffice's.
	profile := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "profile"))}).String()
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless",
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, file)
	out, err := cmd.CombinedOutput()
	text, readErr := os.ReadFile(filepath.Join(dir, "report.txt"))
	if err != nil || readErr != nil {
		t.Fatalf("LibreOffice did not convert the document: %v %v\n%s", err, readErr, out)
	}
	rest := string(text)
	for _, want := range []string{
		"党支部开展“爱的传递”主题党日活动", "文明风6月28日讯（通讯员 张三）6月28日",
		"一、学习党章", "“不忘初心”。\n第二行\t在制表符后；A&B <c>", "（一）活动流程",
		"1. 集体学习", "2. 交流发言", "支部书记发言", "党员代表发言", "3. 重温誓词",
		"1.参加人员", "支部", "参加人次", "第一党支部", "23", "第二党支部",
		"图为党员重温入党誓词", "（机关党委供稿）",
	} {
		i := strings.Index(rest, want)
		if i < 0 {
			t.Fatalf("%q is not in LibreOffice's text, or not after what comes before it:\n%s", want, text)
		}
		rest = rest[i+len(want):]
	}
}
