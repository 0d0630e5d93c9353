package docread

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/testenv"
)

// reportFODT is a report as a flat OpenDocument text, for LibreOffice to save as .docx: the
// fixture that our own writer did not make. It holds a Title, a Heading 1, a numbered heading
// written as text, bold split across two spans, the source's garbled text, a full-width
// indent, a footnote, a table, a numbered list, and two pictures, one with a caption in the
// Caption style and one with a caption written as text.
const reportFODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:creation-date>2016-06-28T09:30:00</meta:creation-date></office:meta>
<office:styles>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"/>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
</office:styles>
<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" fo:color="#c00000"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="Title">公司党委召开“两学一做”专题会议</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">一、会议内容</text:h>
<text:p text:style-name="Text_20_body">（一）学习党章</text:p>
<text:p text:style-name="Text_20_body">　　2016年6月28日，公司党委召开<text:span text:style-name="T1">专题</text:span><text:span text:style-name="T2">会议</text:span>，根據(jù)上级要求部署工作<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>见《中国共产党章程》。</text:p></text:note-body></text:note>。</text:p>
<table:table table:name="表1"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>支部</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>人数</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>第一支部</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>32</text:p></table:table-cell></table:table-row>
</table:table>
<text:list text:style-name="L1"><text:list-item><text:p>学党章党规</text:p></text:list-item><text:list-item><text:p>学系列讲话</text:p></text:list-item></text:list>
<text:p text:style-name="Text_20_body"><draw:frame draw:name="图片1" text:anchor-type="as-char" svg:width="4cm" svg:height="3cm"><draw:image><office:binary-data>RED</office:binary-data></draw:image></draw:frame></text:p>
<text:p text:style-name="Caption">图1 会议现场</text:p>
<text:p text:style-name="Text_20_body"><draw:frame draw:name="图片2" text:anchor-type="as-char" svg:width="4cm" svg:height="3cm"><draw:image><office:binary-data>BLUE</office:binary-data></draw:image></draw:frame></text:p>
<text:p text:style-name="Text_20_body">图2 党员合影</text:p>
</office:text></office:body></office:document>
`

// TestLibreOffice reads a .docx that LibreOffice made from reportFODT.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		testenv.Missing(t, "LibreOffice (soffice), which writes the .docx read", "test-deps")
	}
	red, blue := pngOf(t, color.RGBA{200, 0, 0, 255}), pngOf(t, color.RGBA{0, 0, 200, 255})
	dir := t.TempDir()
	fodt := strings.NewReplacer("RED", base64.StdEncoding.EncodeToString(red), "BLUE", base64.StdEncoding.EncodeToString(blue)).Replace(reportFODT)
	if err := os.WriteFile(filepath.Join(dir, "report.fodt"), []byte(fodt), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// A profile of its own, so that a LibreOffice already running elsewhere does not take
	// the conversion over.
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, soffice, profile, "--headless", "--convert-to", "docx", "--outdir", dir, filepath.Join(dir, "report.fodt"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "公司党委召开“两学一做”专题会议" {
		t.Errorf("title %q", doc.Title)
	}
	if doc.Created.Format("2006-01-02") != "2016-06-28" {
		t.Errorf("created %v", doc.Created)
	}
	want := strings.Join([]string{
		"H1 一、会议内容",
		"P （一）学习党章",
		"P> 2016年6月28日，公司党委召开**专题会议**，根據(jù)上级要求部署工作^[P 见《中国共产党章程》。]。",
		"T [P 支部|P 人数][P 第一支部|P 32]",
		"L0. 1.学党章党规",
		"L0. 2.学系列讲话",
		fmt.Sprintf("I word/media/image1.png .png %d bytes caption 图1 会议现场", len(red)),
		fmt.Sprintf("I word/media/image2.png .png %d bytes caption 图2 党员合影", len(blue)),
	}, "\n")
	if got := dump(doc.Blocks); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for i, img := range []*Image{doc.Blocks[6].(*Image), doc.Blocks[7].(*Image)} {
		if !bytes.Equal(img.Data, [][]byte{red, blue}[i]) {
			t.Errorf("picture %d is not the one written", i+1)
		}
	}
	if len(doc.Unsupported) != 0 {
		t.Errorf("unsupported:\n%s", dumpUnsupported(doc.Unsupported))
	}
}

// pngOf returns a small PNG of one colour.
func pngOf(t *testing.T, c color.Color) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	for y := range 3 {
		for x := range 4 {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
