package generator

// Options say which site a command works on and how to read it. Every command takes them:
// build and serve, and the engines beside the pipeline (check, export, newpage).
type Options struct {
	Source string // the site's folder, holding site.yaml; "" is the working folder
	Drafts bool   // take drafts as published
	// NoGit dates pages by their files' modification times even in a git checkout.
	NoGit bool
}

// Dir is the site's folder.
func (o Options) Dir() string {
	if o.Source == "" {
		return "."
	}
	return o.Source
}
