package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/dangjian/dangjian/internal/msg"
)

// contentTypesName is the name of the package's part that says the type of every other.
const contentTypesName = "[Content_Types].xml"

// Check returns what is wrong with the structure of the .docx data, every problem found
// joined (errors.Join), or nil: a part that is not well-formed XML, a relationship whose
// target is not in the package, a part without a content type, a reference (r:id, r:embed …)
// to a relationship that its part's relationships do not hold, a picture id (wp:docPr) used
// twice, a package without its main document. Word refuses a document with one of these, or
// offers to repair it. The names of parts are compared without case, as the format says.
func Check(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return msg.New(msg.DocxNotZip, err)
	}
	c := checker{parts: map[string][]byte{}}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue // a folder
		}
		content, err := readEntry(f)
		if err != nil {
			return msg.New(msg.DocxNotZip, err)
		}
		c.names = append(c.names, f.Name)
		c.parts[strings.ToLower(f.Name)] = content
	}
	c.xmlParts(c.relationships())
	c.contentTypes()
	return errors.Join(c.problems...)
}

// readEntry returns what the zip's entry f holds.
func readEntry(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// checker holds a package's parts, by their names in lower case, and the problems found.
type checker struct {
	names    []string // as the zip names them, in its order
	parts    map[string][]byte
	problems []error
}

func (c *checker) report(k msg.Key, args ...any) {
	c.problems = append(c.problems, msg.New(k, args...))
}

func (c *checker) part(name string) ([]byte, bool) {
	data, ok := c.parts[strings.ToLower(name)]
	return data, ok
}

// isXML reports whether the part name holds XML, by its extension.
func isXML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".xml" || ext == ".rels"
}

// xmlParts reads every XML part to its end: it is well-formed, its picture ids are the
// package's alone, each of its references to a relationship (r:id, r:embed …) names one of
// its part's relationships, rels[name].
func (c *checker) xmlParts(rels map[string]map[string]bool) {
	pictureIDs := map[string]string{} // the part of each id
	for _, name := range c.names {
		if !isXML(name) {
			continue
		}
		ofRels := path.Ext(name) == ".rels" || name == contentTypesName
		d := xml.NewDecoder(bytes.NewReader(c.parts[strings.ToLower(name)]))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				c.report(msg.DocxNotXML, name, err)
				break
			}
			s, ok := tok.(xml.StartElement)
			if !ok || ofRels {
				continue
			}
			if s.Name.Space == nsWP && s.Name.Local == "docPr" {
				id := attr(s, "", "id")
				if first, seen := pictureIDs[id]; seen {
					c.report(msg.DocxSamePictureID, first, id)
				}
				pictureIDs[id] = name
			}
			of, known := rels[strings.ToLower(name)]
			if known && of == nil {
				continue // its relationships cannot be read
			}
			for _, a := range s.Attr {
				if a.Name.Space == nsR && !of[a.Value] {
					c.report(msg.DocxNoRelationship, name, a.Value, relsOf(name))
				}
			}
		}
	}
}

// relsOf returns the name of the part that holds the relationships of the part name.
func relsOf(name string) string {
	dir, file := path.Split(name)
	return dir + "_rels/" + file + ".rels"
}

// attr returns the value of s's attribute space:local, "" when it has none.
func attr(s xml.StartElement, space, local string) string {
	for _, a := range s.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// contentTypes checks that [Content_Types].xml gives each part a type, by its name or by its
// extension.
func (c *checker) contentTypes() {
	data, ok := c.part(contentTypesName)
	if !ok {
		c.report(msg.DocxNoPart, contentTypesName)
		return
	}
	var types struct {
		Defaults []struct {
			Extension string `xml:",attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName string `xml:",attr"`
		} `xml:"Override"`
	}
	if xml.Unmarshal(data, &types) != nil {
		return // said by xmlParts
	}
	typed := map[string]bool{}
	for _, d := range types.Defaults {
		typed["."+strings.ToLower(d.Extension)] = true
	}
	for _, o := range types.Overrides {
		typed[strings.ToLower(strings.TrimPrefix(o.PartName, "/"))] = true
	}
	for _, name := range c.names {
		ext := path.Ext(name)
		if name != contentTypesName && !typed[strings.ToLower(name)] && !typed[strings.ToLower(ext)] {
			c.report(msg.DocxNoContentType, name, strings.TrimPrefix(ext, "."))
		}
	}
}

// relationships checks each part of relationships (dir/_rels/name.rels, of the part
// dir/name, or of the package when name is empty): each target is in the package, and the
// package's own lead to a main document. It returns the ids of each part's relationships,
// by the part's name in lower case; nil for a part whose relationships are not well-formed.
func (c *checker) relationships() map[string]map[string]bool {
	ids := map[string]map[string]bool{}
	main := false
	for _, name := range c.names {
		dir, file := path.Split(name)
		if !strings.HasSuffix(dir, "_rels/") || !strings.HasSuffix(file, ".rels") {
			continue
		}
		source := path.Join(strings.TrimSuffix(dir, "_rels/"), strings.TrimSuffix(file, ".rels"))
		var rels struct {
			Relationships []struct {
				ID         string `xml:"Id,attr"`
				Type       string `xml:",attr"`
				Target     string `xml:",attr"`
				TargetMode string `xml:",attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(c.parts[strings.ToLower(name)], &rels) != nil {
			ids[strings.ToLower(source)] = nil // said by xmlParts, with nothing of its part's
			continue
		}
		of := map[string]bool{}
		ids[strings.ToLower(source)] = of
		for _, r := range rels.Relationships {
			of[r.ID] = true
			if r.TargetMode == "External" {
				continue
			}
			if _, ok := c.part(resolve(path.Dir(source), r.Target)); !ok {
				c.report(msg.DocxMissingTarget, name, r.ID, r.Target)
			} else if source == "" && r.Type == relOfficeDocument {
				main = true
			}
		}
	}
	if !main {
		c.report(msg.DocxNoMainDocument)
	}
	return ids
}

// resolve returns the name of the part that target names from the folder dir: a path from
// the package's root when it starts with /, else from dir; its %-escapes undone.
func resolve(dir, target string) string {
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join(dir, target), "./")
}
