package source

import "testing"

// The temporary files of a repair are recognised by their whole name, and nothing else is.
func TestIsFixTemp(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{".a.md.dangjian-fix-2815027.tmp", true},
		{".site.yaml.dangjian-fix-1.tmp", true},
		{".讲话.md.dangjian-fix-01.tmp", true},
		{".a.md.2815027.tmp", false}, // another program's
		{"a.md.dangjian-fix-1.tmp", false},
		{".dangjian-fix-1.tmp", false},
		{".a.md.dangjian-fix-.tmp", false},
		{".a.md.dangjian-fix-1a.tmp", false},
		{".a.md.dangjian-fix-1.tmp.bak", false},
	}
	for _, tt := range tests {
		if got := IsFixTemp(tt.name); got != tt.want {
			t.Errorf("IsFixTemp(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
