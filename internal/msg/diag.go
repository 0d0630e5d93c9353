package msg

// The words of a problem's report, and its counts.
var (
	ErrorWord   = def(`错误`, `error`)
	WarningWord = def(`警告`, `warning`)
	// ProblemLine is a problem as a line: where, how bad, what. The place ends with ": ", as
	// editors and terminals read path:line:col.
	ProblemLine = def(`%s: %s：%s`, `%s: %s: %s`)
	Errors      = defPlural(`%d 个错误`, `1 error`, `%d errors`)
	Warnings    = defPlural(`%d 个警告`, `1 warning`, `%d warnings`)
)
