//go:build unix

package main

import (
	"bufio"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStoppedBySignal: serve, stopped by SIGTERM as a service manager stops it, ends as after
// Ctrl-C: it says so and exits with 0.
func TestStoppedBySignal(t *testing.T) {
	site := t.TempDir()
	write(t, site, "site.yaml", "title: 测试\n")
	cmd := dangjian(t, "serve", "-s", site, "--addr", "127.0.0.1:0", "--no-git")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	for lines.Scan() && !strings.HasPrefix(lines.Text(), "serving ") {
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var rest []string
	for lines.Scan() {
		rest = append(rest, lines.Text())
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil || !strings.Contains(strings.Join(rest, "\n"), "stopped") {
			t.Errorf("after SIGTERM: %v, printed %q", err, rest)
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("serve did not stop within 30s of SIGTERM")
	}
}
