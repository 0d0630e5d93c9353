package msg

// The messages of check, and of the text's slips it finds (package hygiene).
var (
	ByHandInCode = def(`%s（请手工改正：--fix 不改代码里的文字）`, `%s (by hand: --fix leaves code as written)`)
)
