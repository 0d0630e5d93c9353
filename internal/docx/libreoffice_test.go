package docx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/testenv"
)

// TestLibreOfficeReads: LibreOffice, a reader that is not ours, reads the sample and says its
// text: the title, the headings, the list, the table and the caption, in their order.
func TestLibreOfficeReads(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(file, write(t, sample(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(testenv.ConvertWithLibreOffice(t, file, "txt:Text (encoded):UTF8", dir))
	if err != nil {
		t.Fatal(err)
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
