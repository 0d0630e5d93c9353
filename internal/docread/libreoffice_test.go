package docread

import (
	"bytes"
	"os"
	"testing"

	"github.com/dangjian/dangjian/internal/testenv"
	"github.com/dangjian/dangjian/internal/wordfixture"
)

// fixtureFODT is the flat ODT that LibreOffice converts into wordfixture.LibreOffice.
const fixtureFODT = "../wordfixture/testdata/libreoffice.fodt"

// TestWordFixture reads the report that LibreOffice wrote, not our own writer: the Title, a
// Heading 1, headings numbered as text, bold split across runs, a footnote, a table, two
// pictures (one captioned with a SEQ field, one with the caption typed), full-width indents
// and the source's damage, which docread carries as it is.
func TestWordFixture(t *testing.T) {
	doc := readBytes(t, wordfixture.LibreOffice)
	if want := "國電靖遠發電有限公司扎實推進“兩學一做”學習教育"; doc.Title != want {
		t.Errorf("title %q, want %q", doc.Title, want)
	}
	if got := doc.Created.Format("2006-01-02"); got != "2016-06-28" {
		t.Errorf("created %v", doc.Created)
	}
	want := `P> 2016年，根據(jù)集團公司、甘肅公司關(guān)于開展“兩學一做”學習教育的部署要求，國電靖遠發電有限公司結(jié)合實際，積極發(fā)揮基層黨支部主體作用，確?!皟蓪W一做”真學真做，學有成效、做有方向。^[P “兩學一做”：學黨章黨規、學系列講話，做合格黨員。]
H1 基本做法
P 一、強化支部主體作用
P （一）“三張清單”強作為
P> **堅持統籌謀劃**，分層分類，精準施策。建立黨支部書記抓黨建責任清單、黨支部定期定量工作清單和黨建工作任務亮責消號清單，實行項目化管理。
P （二）“三網管理”提效能
P> 大力推進網格化管理、網絡化教育和網絡化考核，形成了“微管理、微課堂、微考堂”的“三微”黨員管理機制。
T [P 項目|P 數量|P 說明][P 支部基礎制度|P 22項|P 修訂完善][P 助增盈項目|P 53個|P 亮責實施]
P 二、抓實黨員教育管理
I word/media/image1.png .png 78 bytes alt 黨員志願者在社區開展服務 caption 图 1 黨員志願者在社區開展服務
P> 開發黨員在線培訓和考試系統，建立了以黨的基本理論知識為主要內容的知識庫，做到培訓對象和內容全覆蓋。
P> 以黨員幹部為骨幹的檢修隊伍在確保安全的前提下抓質量、趕工期，創下10個小時揭開汽輪機全部汽缸、5小時成功抽出發電機轉子等多項“奇跡”。
I word/media/image2.png .png 78 bytes caption 图2 “兩學一做”知識競賽現場
P 國電靖遠發電有限公司黨委
P 2016年6月28日`
	same(t, "blocks", dump(doc.Blocks), want)
	same(t, "unsupported", dumpUnsupported(doc.Unsupported), "")
}

// TestLibreOffice: the .docx that this machine's LibreOffice makes of the fixture's flat ODT
// reads as the committed one does, whatever LibreOffice's version changes in its XML.
func TestLibreOffice(t *testing.T) {
	converted := testenv.ConvertWithLibreOffice(t, fixtureFODT, "docx", t.TempDir())
	data, err := os.ReadFile(converted)
	if err != nil {
		t.Fatal(err)
	}
	got, want := readBytes(t, data), readBytes(t, wordfixture.LibreOffice)
	if got.Title != want.Title || dump(got.Blocks) != dump(want.Blocks) || dumpUnsupported(got.Unsupported) != "" {
		t.Errorf("this LibreOffice's .docx reads\n%s\n%s\n%s\nthe committed one\n%s\n%s", got.Title, dump(got.Blocks), dumpUnsupported(got.Unsupported), want.Title, dump(want.Blocks))
	}
}

// readBytes reads the document data.
func readBytes(t *testing.T, data []byte) *Document {
	t.Helper()
	doc, err := Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return doc
}
