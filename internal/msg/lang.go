package msg

import "strings"

// Choose returns the printer of the language chosen: flag, the value of --lang, when given;
// else the environment's DANGJIAN_LANG; else English when the locale (LC_ALL, LC_MESSAGES,
// LANG) is English; else Chinese, the language of the people who use dangjian. A flag or
// DANGJIAN_LANG that names neither language is an error, said in Chinese and in English.
func Choose(flag string, getenv func(string) string) (*Printer, error) {
	for _, v := range []string{flag, getenv("DANGJIAN_LANG")} {
		if v == "" {
			continue
		}
		if p := named(v); p != nil {
			return p, nil
		}
		return Chinese, New(UnknownLanguage, v)
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return English, nil
			}
			return Chinese, nil
		}
	}
	return Chinese, nil
}

// named returns the printer of a language named as --lang names it: zh, zh-CN, zh_CN.UTF-8,
// en, en-US …; nil for another.
func named(v string) *Printer {
	switch lang, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(v, "-", "_")), "_"); lang {
	case "zh", "cn", "chinese", "中文":
		return Chinese
	case "en", "english":
		return English
	}
	return nil
}

var UnknownLanguage = def(`不认识的语言 %q：请写 zh（中文）或 en（English）`, `unknown language %q: write zh (Chinese) or en (English)`)
