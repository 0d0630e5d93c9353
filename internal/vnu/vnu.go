// Package vnu runs the Nu HTML Checker (npm's vnu-jar, pinned by package-lock.json and run by
// Java) over generated HTML, once over whole folders: the checker takes seconds to start and
// little time for each page.
package vnu

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// JarEnv, when set, names the checker's jar: for a jar outside the repository.
const JarEnv = "VNU_JAR"

// jarPath is where npm installs the jar, under the repository.
var jarPath = filepath.Join("node_modules", "vnu-jar", "build", "dist", "vnu.jar")

// Jar returns the checker's jar: $VNU_JAR when set, which must exist, else npm's jar in the
// working folder or a folder above it, or "" when there is none (internal/testenv says which
// make target installs it).
func Jar() (string, error) {
	if jar, set := os.LookupEnv(JarEnv); set {
		if _, err := os.Stat(jar); err != nil {
			return "", fmt.Errorf("%s: %w", JarEnv, err)
		}
		return jar, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		jar := filepath.Join(dir, jarPath)
		if _, err := os.Stat(jar); err == nil {
			return jar, nil
		}
		if filepath.Dir(dir) == dir {
			return "", nil
		}
		dir = filepath.Dir(dir)
	}
}

// Options say what to report.
type Options struct {
	Warnings bool // report warnings too, not only errors
	// Ignore is a regular expression of messages to leave out.
	Ignore string
	// SVG checks SVG pictures as well as HTML documents.
	SVG bool
}

// Check has the checker check the HTML files under paths (folders or files), and returns its
// messages, one for each problem, as "file":line.col-line.col: error: message.
func Check(ctx context.Context, jar string, opts Options, paths ...string) ([]string, error) {
	args := []string{"-jar", jar, "--format", "gnu"}
	if opts.SVG {
		args = append(args, "--also-check-svg")
	} else {
		args = append(args, "--skip-non-html")
	}
	if opts.Warnings {
		args = append(args, "--Werror")
	} else {
		args = append(args, "--errors-only")
	}
	if opts.Ignore != "" {
		args = append(args, "--filterpattern", opts.Ignore)
	}
	cmd := exec.CommandContext(ctx, "java", append(args, paths...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var messages []string
	for line := range strings.SplitSeq(out.String(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			messages = append(messages, line)
		}
	}
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && len(messages) > 0) {
		return nil, fmt.Errorf("running the Nu HTML Checker: %w\n%s", err, out.String())
	}
	return messages, nil
}
