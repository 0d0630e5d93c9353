package generator

import (
	"os"
	"path/filepath"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/msg"
)

// Options say which site a command works on and how to read it. Every command takes them:
// build and serve, and the engines beside the pipeline (check, export, newpage).
type Options struct {
	Source string // the site's folder, holding site.yaml; "" is the working folder
	Drafts bool   // take drafts as published
	// NoGit dates pages by their files' modification times even in a git checkout.
	NoGit   bool
	Printer *msg.Printer // the language of messages; nil is Chinese
}

// Dir is the site's folder.
func (o Options) Dir() string {
	if o.Source == "" {
		return "."
	}
	return o.Source
}

// FindSource returns the folder of the site that the folder dir is in, as git finds its
// repository from any folder inside it: dir itself when it holds site.yaml, else the nearest
// folder above it that does, as an absolute path, which says where the site was found. A
// folder in no site is an error that says what to do.
func FindSource(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		if info, err := os.Stat(filepath.Join(d, config.File)); err == nil && info.Mode().IsRegular() {
			if d == abs {
				return dir, nil
			}
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", msg.New(msg.NoSite, config.File, abs, config.File)
		}
		d = parent
	}
}
