package msg

import (
	"regexp"
	"strings"
)

// latinWords are three Latin words in a row: English in a text. Quoted text, paths, flags and
// verbs are taken out first (quoted).
var (
	latinWords = regexp.MustCompile(`[A-Za-z]{2,}[,.]?(?:[ ]+[A-Za-z]{1,}[,.]?){2,}`)
	quoted     = regexp.MustCompile("\"[^\"]*\"|'[^']*'|`[^`]*`|“[^”]*”|「[^」]*」|（[^）]*）|\\([^)]*\\)|--?[a-z][a-z-]*|%(?:\\[\\d+\\])?[-+# 0]*\\d*(?:\\.\\d+)?[a-zA-Z]|[\\w./\\\\:-]*[/\\\\.][\\w./\\\\:-]*")
)

// EnglishIn returns the first English in text, "" when there is none: three Latin words in a
// row outside what is quoted or bracketed, paths, flags and verbs, which keep the words the
// user typed or the system said. Tests of the Chinese output use it.
func EnglishIn(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if m := latinWords.FindString(quoted.ReplaceAllString(line, " ")); m != "" {
			return m
		}
	}
	return ""
}
