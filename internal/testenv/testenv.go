// Package testenv tells the tests whether what they need from outside Go is on this machine:
// Chromium, Java and the Nu HTML Checker, nginx, git, LibreOffice (and converts with it), and
// ECharts and the charts' font in the binary. A test that needs something missing is skipped with one line naming
// the make target that installs it, so that go test ./... passes on a machine with Go alone.
// make test sets DANGJIAN_NO_SKIP=1, under which that skip fails the test instead: CI can
// never pass by skipping.
package testenv

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"testing"
	"testing/fstest"

	"github.com/dangjian/dangjian/internal/vnu"
	"github.com/dangjian/dangjian/layouts"
)

// NoSkipEnv, set to anything, makes a missing program fail a test rather than skip it.
const NoSkipEnv = "DANGJIAN_NO_SKIP"

// Missing skips t, or fails it under NoSkipEnv, because it needs what, which `make target`
// installs.
func Missing(t testing.TB, what, target string) {
	t.Helper()
	msg := fmt.Sprintf("this test needs %s: make %s installs it", what, target)
	if os.Getenv(NoSkipEnv) != "" {
		t.Fatalf("%s (%s is set: nothing may be skipped)", msg, NoSkipEnv)
	}
	t.Skip(msg)
}

// Debian's packages that make test-deps installs.
const debianPackages = "test-deps"

// Chromium returns the path of Chromium: Debian's /usr/bin/chromium, or one on PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	return program(t, "Chromium", "/usr/bin/chromium", "chromium")
}

// Nginx returns the path of nginx, which Debian installs outside a user's PATH.
func Nginx(t testing.TB) string {
	t.Helper()
	return program(t, "nginx", "/usr/sbin/nginx", "nginx")
}

// Git makes sure git is on PATH.
func Git(t testing.TB) {
	t.Helper()
	program(t, "git", "", "git")
}

// VNU returns the jar of the Nu HTML Checker, installed from npm, after making sure that
// Java, which runs it, is on PATH.
func VNU(t testing.TB) string {
	t.Helper()
	jar, err := vnu.Jar()
	switch {
	case err != nil:
		t.Fatal(err)
	case jar == "":
		Missing(t, "the Nu HTML Checker (npm's vnu-jar)", "deps")
	}
	program(t, "Java, which runs the Nu HTML Checker", "", "java")
	return jar
}

// ChartFont makes sure this build carries the font of the charts' PNG pictures, which
// hasFont (package chart's HasFont, which this package cannot import: chart's tests use it)
// reports.
func ChartFont(t testing.TB, hasFont func() bool) {
	t.Helper()
	if !hasFont() {
		Missing(t, "the charts' font (npm's Noto Sans SC, subset into internal/chart/fonts/)", "deps")
	}
}

// program returns the path of a program: at path when that exists, else name on PATH.
func program(t testing.TB, what, path, name string) string {
	t.Helper()
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			return path
		}
	}
	found, err := exec.LookPath(name)
	if err != nil {
		Missing(t, what, debianPackages)
	}
	return found
}

// echartsStandIn takes ECharts' place in tests run before make deps installed it. It draws
// nothing: tests that look at drawn charts call ECharts first.
var echartsStandIn = []byte("/* a stand-in for ECharts, for tests run without make deps: it draws nothing */\n" +
	"window.echarts = {init: function () { return {setOption: function () {}, resize: function () {}}; }};\n")

// StandInForECharts gives the default layouts a stand-in for ECharts when this build has none
// (before make deps copied it from npm), so that a missing ECharts is not an error in every
// test that builds a site. Call it before the tests run: package sitetest does, as it is
// loaded.
func StandInForECharts() {
	if _, err := fs.Stat(layouts.Default, layouts.EChartsFile); err != nil {
		layouts.Default = layouts.Overlay(fstest.MapFS{layouts.EChartsFile: {Data: echartsStandIn}})
	}
}

// ECharts makes sure the layouts carry the real ECharts, for tests that look at drawn charts.
func ECharts(t testing.TB) {
	t.Helper()
	data, err := fs.ReadFile(layouts.Default, layouts.EChartsFile)
	if err != nil || bytes.Equal(data, echartsStandIn) {
		Missing(t, "ECharts (npm's echarts, copied into layouts/vendor/)", "deps")
	}
}
