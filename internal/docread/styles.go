package docread

import (
	"strconv"
	"strings"
)

// styles are the styles of word/styles.xml by id, for what docread asks of a paragraph's or a
// run's style: heading level, title, caption, numbering, bold and italic.
type styles struct {
	byID        map[string]*style
	defaultPara string // the style of a paragraph that names none (Normal, 正文)
}

// style is one style's own properties; those it leaves unset come from the style it is based on.
type style struct {
	name    string
	basedOn string
	outline *int    // w:outlineLvl: 0 for a heading of level 1, 9 for body text
	num     *numRef // w:numPr
	bold    *bool
	italic  *bool
}

// numRef is a paragraph's or a style's numbering: which list, at which level.
type numRef struct {
	id    string // "0" takes the numbering away
	level int
}

// val is an element whose w:val says what it is: <w:pStyle w:val="1"/>.
type val struct {
	Val string `xml:"val,attr"`
}

// numPrXML is a w:numPr, in a paragraph or a style.
type numPrXML struct {
	Level *val `xml:"ilvl"`
	ID    *val `xml:"numId"`
}

// readStyles reads the styles part name; none when the document has none.
func readStyles(p *pkg, name string) (*styles, error) {
	var doc struct {
		Styles []struct {
			Type    string `xml:"type,attr"`
			ID      string `xml:"styleId,attr"`
			Default string `xml:"default,attr"`
			Name    val    `xml:"name"`
			BasedOn *val   `xml:"basedOn"`
			PPr     struct {
				Outline *val      `xml:"outlineLvl"`
				NumPr   *numPrXML `xml:"numPr"`
			} `xml:"pPr"`
			RPr struct {
				B *val `xml:"b"`
				I *val `xml:"i"`
			} `xml:"rPr"`
		} `xml:"style"`
	}
	if err := p.decode(name, &doc); err != nil {
		return nil, err
	}
	s := &styles{byID: map[string]*style{}}
	for _, x := range doc.Styles {
		st := &style{name: x.Name.Val, bold: toggle(x.RPr.B), italic: toggle(x.RPr.I)}
		if x.BasedOn != nil {
			st.basedOn = x.BasedOn.Val
		}
		if x.PPr.Outline != nil {
			if n, err := strconv.Atoi(x.PPr.Outline.Val); err == nil {
				st.outline = &n
			}
		}
		if x.PPr.NumPr != nil {
			st.num = x.PPr.NumPr.ref(nil)
		}
		s.byID[x.ID] = st
		if x.Type == "paragraph" && on(x.Default) && s.defaultPara == "" {
			s.defaultPara = x.ID
		}
	}
	return s, nil
}

// ref returns the numbering numPr gives, over what inherited gives.
func (x *numPrXML) ref(inherited *numRef) *numRef {
	r := &numRef{}
	if inherited != nil {
		*r = *inherited
	}
	if x.ID != nil {
		r.id = x.ID.Val
	}
	if x.Level != nil {
		if n, err := strconv.Atoi(x.Level.Val); err == nil && n >= 0 && n < 9 {
			r.level = n
		}
	}
	return r
}

// toggle reads an on/off property such as w:b: unset (nil), or on unless its value says off.
func toggle(v *val) *bool {
	if v == nil {
		return nil
	}
	b := on(v.Val)
	return &b
}

// on reads an on/off value, which is on when absent.
func on(s string) bool {
	switch s {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// chain calls f with the style id and those it is based on, nearest first, until f returns
// true; a loop of styles based on one another ends it.
func (s *styles) chain(id string, f func(*style) bool) {
	for range 32 {
		st, ok := s.byID[id]
		if !ok || f(st) {
			return
		}
		id = st.basedOn
	}
}

// name returns the style's name, spaces taken out and in lower case ("heading1", "标题1"), or
// its id when the document does not define it.
func (s *styles) name(id string) string {
	name := id
	if st, ok := s.byID[id]; ok && st.name != "" {
		name = st.name
	}
	return strings.ToLower(strings.ReplaceAll(name, " ", ""))
}

// The names of the styles read, as style.name gives them: Word's built-in names, which a
// Chinese Word writes too (its ids are its own: "1", "a3"), and the names in Chinese that
// some programs write.
var (
	titleNames   = []string{"title", "标题"}
	captionNames = []string{"caption", "题注"}
	headingNames = []string{"heading", "标题"}
)

// isTitle reports whether the style id is the document's Title style.
func (s *styles) isTitle(id string) bool {
	name := s.name(id)
	for _, t := range titleNames {
		if name == t {
			return true
		}
	}
	return false
}

// isCaption reports whether the style id is Caption or based on it.
func (s *styles) isCaption(id string) bool {
	found := false
	s.chain(id, func(st *style) bool {
		name := strings.ToLower(strings.ReplaceAll(st.name, " ", ""))
		for _, c := range captionNames {
			found = found || name == c
		}
		return found
	})
	return found
}

// level returns the heading level, 1 to 9, of the style id: from its name (heading 1, 标题 1)
// or the outline level it has or inherits; 0 for a style of body text.
func (s *styles) level(id string) int {
	name := s.name(id)
	for _, h := range headingNames {
		if n, err := strconv.Atoi(strings.TrimPrefix(name, h)); err == nil && strings.HasPrefix(name, h) && n >= 1 && n <= 9 {
			return n
		}
	}
	level := 0
	s.chain(id, func(st *style) bool {
		if st.outline != nil {
			level = outlineLevel(*st.outline)
		}
		return st.outline != nil
	})
	return level
}

// outlineLevel returns the heading level of an outline level: 0 to 8 are headings 1 to 9, and
// 9 and anything else is body text.
func outlineLevel(n int) int {
	if n >= 0 && n <= 8 {
		return n + 1
	}
	return 0
}

// num returns the numbering the style id has or inherits, nil when none.
func (s *styles) num(id string) *numRef {
	var r *numRef
	s.chain(id, func(st *style) bool {
		r = st.num
		return r != nil
	})
	return r
}

// format returns the bold and italic the character style id has or inherits.
func (s *styles) format(id string) (bold, italic bool) {
	var b, i *bool
	s.chain(id, func(st *style) bool {
		if b == nil {
			b = st.bold
		}
		if i == nil {
			i = st.italic
		}
		return b != nil && i != nil
	})
	return b != nil && *b, i != nil && *i
}
