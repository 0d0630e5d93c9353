package articles

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/dangjian/dangjian/internal/msg"
)

// activeSVG says what could run in an SVG image, judging the parsed document, not its text: a
// chart titled "a onerror=b" holds that text, escaped, and nothing that runs. It finds script
// and foreignObject elements (the latter may hold HTML), event attributes (onload=), javascript:
// URLs, animations of links, a DOCTYPE (whose entities could hide any of these
// from a reading that does not expand them) and processing instructions (xml-stylesheet may
// load a transform). A document that is not well-formed XML cannot be judged, so it is
// refused too. It returns nil when the picture is inert.
func activeSVG(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			// The parser's own words: its error, said as a system's, would be bracketed twice.
			return msg.New(msg.SVGNotXML, err.Error())
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if found := activeElement(tok); found != nil {
				return found
			}
		case xml.Directive:
			return msg.New(msg.SVGDoctype)
		case xml.ProcInst:
			if tok.Target != "xml" {
				return msg.New(msg.SVGProcInst, tok.Target)
			}
		}
	}
}

// activeElement says what could run in one element, or nil.
func activeElement(e xml.StartElement) error {
	name := strings.ToLower(e.Name.Local)
	switch name {
	case "script", "foreignobject", "handler", "listener":
		return msg.New(msg.SVGElement, e.Name.Local)
	}
	animation := name == "set" || strings.HasPrefix(name, "animate")
	for _, a := range e.Attr {
		attr := strings.ToLower(a.Name.Local)
		switch {
		case strings.HasPrefix(attr, "on"):
			return msg.New(msg.SVGEventAttribute, e.Name.Local, a.Name.Local)
		case runnableURL(a.Value):
			return msg.New(msg.SVGScriptURL, e.Name.Local, a.Name.Local)
		case animation && attr == "attributename" && (strings.EqualFold(a.Value, "href") || strings.HasSuffix(strings.ToLower(a.Value), ":href")):
			return msg.New(msg.SVGAnimatesLink, e.Name.Local)
		}
	}
	return nil
}

// runnableURL reports whether an attribute's value is a URL that runs a script when opened:
// javascript: or vbscript:. Browsers ignore case, and whitespace and control characters.
func runnableURL(value string) bool {
	scheme := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(value))
	for _, s := range []string{"javascript:", "vbscript:"} {
		if strings.HasPrefix(scheme, s) {
			return true
		}
	}
	return false
}
