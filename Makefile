# dangjian — `make` builds the binary and the real site; `make test` runs every test.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/dangjian

# The one recipe that installs Debian packages: a target gives it why, then what, each
# PACKAGE or COMMAND=PACKAGE (needed only when COMMAND is not on PATH).
DEBIAN_PACKAGES := sh setup/debian-packages.sh

# What the tests need from Debian: Chromium and a Chinese font for the browser tests (readable
# screenshots), Java to run the Nu HTML Checker (npm's vnu-jar, pinned by package-lock.json),
# git (pages are dated from their history), nginx for the deployment test (Debian's package
# does not start it where policy-rc.d forbids services), LibreOffice's Writer without its GUI
# for the Word tests (an independent consumer of the exported .docx, the maker of the import
# fixtures; any soffice on PATH will do).
TEST_PACKAGES := chromium fonts-wqy-microhei java=default-jre-headless git=git nginx soffice=libreoffice-writer-nogui

# Release binaries: static (no cgo), for the editors' PCs and the servers, each stamped with
# its version, commit and build date, which `dangjian version` prints. SOURCE_DATE_EPOCH, when
# set, fixes the date, so that a release can be rebuilt byte for byte.
DIST        ?= dist
TARGETS     := windows/amd64 linux/amd64 linux/arm64 darwin/arm64
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT      ?= $(shell git rev-parse HEAD 2>/dev/null)
DATE        ?= $(shell date -u -d "@$${SOURCE_DATE_EPOCH:-$$(date +%s)}" +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS     := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
# The editors' zip beside the binaries: the Windows binary as dangjian.exe, with windows/'s
# dangjian-start.bat and Chinese README.txt, dated DATE too (internal/cmd/mkzip).
WINDOWS_EXE := dangjian-$(VERSION)-windows-amd64.exe

.PHONY: all deps test-deps build site test lint unit fuzz cross release bench clean

all: site

# Go modules (go.sum) and the pinned npm packages (package-lock.json). ECharts is copied into
# layouts/vendor/, which the binary embeds; so is the font of the charts' PNG pictures, a subset
# of npm's Noto Sans SC (SIL Open Font License, whose text goes beside it), into
# internal/chart/fonts/.
CHART_FONT := node_modules/@expo-google-fonts/noto-sans-sc
deps: node_modules/.package-lock.json layouts/vendor/echarts.min.js internal/chart/fonts/chart.ttf.gz internal/chart/fonts/OFL.txt
	@echo "fetching the Go modules of go.sum: go mod download"
	@$(GO) mod download

# npm writes node_modules/.package-lock.json on each install: it stands for the whole install.
node_modules/.package-lock.json: package.json package-lock.json
	@echo "installing the npm packages of package-lock.json (ECharts, which the site serves; the Nu HTML Checker, for the tests): npm ci"
	@npm ci --ignore-scripts --no-audit --no-fund

layouts/vendor/echarts.min.js: node_modules/.package-lock.json
	cp node_modules/echarts/dist/echarts.min.js $@

internal/chart/fonts/chart.ttf.gz: node_modules/.package-lock.json internal/cmd/fontsubset/*.go
	$(GO) run ./internal/cmd/fontsubset -o $@ $(CHART_FONT)/400Regular/NotoSansSC_400Regular.ttf

internal/chart/fonts/OFL.txt: node_modules/.package-lock.json
	cp $(CHART_FONT)/LICENSE_FONT $@

build: deps
	$(GO) build -o $(BIN) ./cmd/dangjian

# The real site of content/ into public/.
site: build
	./$(BIN) build -s . -d public
	@echo "网站在 $(CURDIR)/public/ 里：用浏览器打开其中的 index.html。"

test: test-deps lint unit cross

# The Debian packages of the tests, when missing (as root, or through sudo).
test-deps:
	@$(DEBIAN_PACKAGES) "for make test's browser tests, Nu HTML Checker, page dates, deployment test and Word tests" $(TEST_PACKAGES)

lint: deps
	@unformatted=$$(gofmt -l $$(git ls-files "*.go")); \
	  if [ -n "$$unformatted" ]; then echo "not gofmt-formatted: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Every test, the 1,000-page synthetic site of internal/corpus included. DANGJIAN_NO_SKIP makes
# a test that misses a program fail, not skip (internal/testenv). Screenshots of the browser
# tests go to test-artifacts/ (not committed).
unit: deps test-deps
	DANGJIAN_NO_SKIP=1 $(GO) test -count=1 ./...

# Each fuzz target for FUZZTIME, beyond its seeds that unit runs (go test -fuzz takes one
# target at a time). A failure leaves its input under the package's testdata/fuzz/. Not part
# of make test: a new input found by chance would make CI fail on a change that did not cause it.
# docread's inputs are whole documents: minimizing each new one fully would take all the time.
FUZZTIME ?= 10s
fuzz: deps
	$(GO) test ./internal/frontmatter -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/hygiene -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/hygiene -run '^$$' -fuzz '^FuzzRemoveGarbage$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/chart -run '^$$' -fuzz '^FuzzBlocks$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/docread -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x
	$(GO) test ./internal/docread -run '^$$' -fuzz '^FuzzBody$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x

release: deps
	rm -rf $(DIST) && mkdir -p $(DIST)
	@set -e; for target in $(TARGETS); do \
	  os=$${target%/*}; arch=$${target#*/}; ext=; [ "$$os" = windows ] && ext=.exe; \
	  out="$(DIST)/dangjian-$(VERSION)-$$os-$$arch$$ext"; echo "$$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o "$$out" ./cmd/dangjian; \
	done
	$(GO) run ./internal/cmd/mkzip -date $(DATE) -o "$(DIST)/$(WINDOWS_EXE:.exe=.zip)" "$(DIST)/$(WINDOWS_EXE)"
	cd $(DIST) && sha256sum dangjian-* > SHA256SUMS
	@echo "The binaries, the Windows zip and SHA256SUMS are in $(DIST)/."

# Every release target compiles, its tests included (go vet compiles them), so that a break
# that shows only on Windows or macOS shows here; then a release into a temporary folder must
# hold four static binaries and the Windows zip, all matching their checksums, and the binary
# for this machine must print its stamp. (The zip's contents are windows/'s tests.)
cross: deps
	@set -e; for target in $(TARGETS); do \
	  echo "go vet ./... for $$target"; \
	  CGO_ENABLED=0 GOOS=$${target%/*} GOARCH=$${target#*/} $(GO) vet -trimpath ./...; \
	done
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && set -e && \
	  $(MAKE) --no-print-directory release DIST="$$tmp" VERSION=v0.0.0-test COMMIT=0123456789abcdef0123 DATE=2016-09-20T08:00:00Z && \
	  (cd "$$tmp" && sha256sum -c SHA256SUMS) && \
	  test "$$(ls "$$tmp" | grep -c '^dangjian-')" -eq 5 && \
	  test -f "$$tmp/dangjian-v0.0.0-test-windows-amd64.zip" && \
	  for bin in "$$tmp"/dangjian-*; do \
	    case "$$bin" in *.zip) continue;; esac; \
	    $(GO) version -m "$$bin" | grep -q 'CGO_ENABLED=0' || { echo "$$bin: not a static build"; exit 1; }; \
	  done && \
	  host="$$tmp/dangjian-v0.0.0-test-$$($(GO) env GOOS)-$$($(GO) env GOARCH)" && \
	  if [ -x "$$host" ]; then \
	    "$$host" version --lang en | tee "$$tmp/version" && \
	    grep -q '^dangjian v0.0.0-test commit 0123456789ab built 2016-09-20T08:00:00Z ' "$$tmp/version"; \
	  fi

# Benchmarks of loading, rendering, a whole build and a reload, on a site of BENCH_PAGES pages
# written by internal/cmd/gencorpus (kept between runs, one per version of the generator). Not
# part of make test.
BENCH_PAGES ?= 10000
bench: deps
	@site=$${TMPDIR:-/tmp}/dangjian-bench-site-$(BENCH_PAGES)-$$(cat internal/corpus/*.go | sha256sum | cut -c1-12); \
	  [ -d "$$site" ] || $(GO) run ./internal/cmd/gencorpus -n $(BENCH_PAGES) -o "$$site"; \
	  DANGJIAN_BENCH_SITE="$$site" $(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./generator/

clean:
	rm -rf bin public $(DIST) test-artifacts node_modules layouts/vendor/*.js internal/chart/fonts/chart.ttf.gz internal/chart/fonts/OFL.txt
