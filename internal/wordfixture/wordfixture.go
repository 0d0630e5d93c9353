// Package wordfixture holds Word documents that dangjian's own writer did not make, so that
// the import tests read what other programs write: testdata/libreoffice.docx, which
// LibreOffice converts from the hand-written flat ODT testdata/libreoffice.fodt. The .docx is
// committed, so that the tests that read it need no LibreOffice. After changing the .fodt,
// make the .docx again with
//
//	go test ./internal/wordfixture -update
//
// which converts it with this machine's LibreOffice and dates every zip entry 1980-01-01:
// LibreOffice dates them at the time of the conversion, the only thing that differs between
// two runs (docProps/core.xml takes its dates from the .fodt), so the same LibreOffice makes
// the same bytes, and the test fails when the .docx is not what the .fodt converts to. Another
// version of LibreOffice writes its own XML and names itself in docProps/app.xml (the test
// then does not compare), so a refresh on another machine may change more than the .fodt
// did: read the diff of word/document.xml before committing it.
package wordfixture

import _ "embed"

// LibreOffice is testdata/libreoffice.docx: a report in traditional characters with a Title,
// a Heading 1, numbered headings written as text (一、 （一）), bold split across two runs, a
// footnote, a table, two PNG pictures with Chinese captions (one numbered by a SEQ field, one
// typed), full-width indents, a date in the text, and the source's damage: pinyin left by a
// converter (根據(jù)) and GBK misread one byte off (確?!皟蓪W), whose lost character the report
// writes elsewhere beside the same neighbour (確保安全), as the real source does.
//
//go:embed testdata/libreoffice.docx
var LibreOffice []byte
