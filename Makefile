# dangjian — `make` builds the binary and the real site; `make test` runs every test.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/dangjian

# The shared folder beside the repository: the bench corpus generator lives there.
SHARED      ?= ../shared

# Debian packages the browser tests need: Chromium and a Chinese font for readable screenshots.
BROWSER_PKGS := chromium fonts-wqy-microhei

# The Nu HTML Checker validates pages and exported articles in the tests: vnu-jar from npm,
# pinned by package-lock.json, run by Java (Debian's default-jre-headless where there is none).
VNU_JAR     := $(CURDIR)/node_modules/vnu-jar/build/dist/vnu.jar

# Release binaries: static (no cgo), for the editors' PCs and the servers, each stamped with
# its version, commit and build date, which `dangjian version` prints. SOURCE_DATE_EPOCH, when
# set, fixes the date, so that a release can be rebuilt byte for byte.
DIST        ?= dist
TARGETS     := windows/amd64 linux/amd64 linux/arm64 darwin/arm64
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT      ?= $(shell git rev-parse HEAD 2>/dev/null)
DATE        ?= $(shell date -u -d "@$${SOURCE_DATE_EPOCH:-$$(date +%s)}" +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS     := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)

# The programs the tests run besides Go: git (pages are dated from history) and nginx (the
# deployment test serves the real site with deploy/nginx.conf), from Debian's packages when
# missing. Installing Debian's nginx does not start it where policy-rc.d forbids services.
NGINX_BIN   ?= $(shell command -v nginx || echo /usr/sbin/nginx)

.PHONY: all deps tools build site test lint unit fuzz corpus cross release browser-deps vnu bench clean

all: site

# Go modules (go.sum) and the pinned npm packages (package-lock.json). ECharts is copied into
# layouts/vendor/, which the binary embeds.
deps: node_modules/.package-lock.json layouts/vendor/echarts.min.js
	$(GO) mod download

# npm writes node_modules/.package-lock.json on each install: it stands for the whole install.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

layouts/vendor/echarts.min.js: node_modules/.package-lock.json
	cp node_modules/echarts/dist/echarts.min.js $@

# Installs what the browser tests need when it is missing (as root, or with sudo).
browser-deps:
	@missing=""; for p in $(BROWSER_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "installing$$missing ..."; \
	    sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	    $$sudo apt-get update -qq && $$sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  fi

build: deps
	$(GO) build -o $(BIN) ./cmd/dangjian

# The real site of content/ into public/.
site: build
	./$(BIN) build -s . -d public
	@echo "The site is in $(CURDIR)/public/ — open public/index.html in a browser."

test: lint unit corpus cross

lint: deps
	@unformatted=$$(gofmt -l cmd deploy generator layouts internal); \
	  if [ -n "$$unformatted" ]; then echo "not gofmt-formatted: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

tools:
	@command -v git >/dev/null || (apt-get update && apt-get install -y git)
	@test -x $(NGINX_BIN) || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx)

# Screenshots of the browser tests go to test-artifacts/ (not committed). DANGJIAN_NGINX makes
# the deployment test run rather than skip when nginx is missing.
unit: deps tools browser-deps vnu
	VNU_JAR=$(VNU_JAR) DANGJIAN_NGINX=$(NGINX_BIN) $(GO) test -count=1 ./...

vnu: node_modules/.package-lock.json
	@command -v java >/dev/null || (apt-get update && apt-get install -y default-jre-headless)


# Each fuzz target for FUZZTIME, beyond its seeds that unit runs (go test -fuzz takes one
# target at a time). A failure leaves its input under the package's testdata/fuzz/. Not part
# of make test: a new input found by chance would make CI fail on a change that did not cause it.
FUZZTIME ?= 10s
fuzz: deps
	$(GO) test ./generator/frontmatter -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/hygiene -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/hygiene -run '^$$' -fuzz '^FuzzRemoveGarbage$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/chart -run '^$$' -fuzz '^FuzzBlocks$$' -fuzztime $(FUZZTIME)

# The 1,000-page synthetic site of $(SHARED)/bench/gencorpus must build, check and export
# without an error; every link and image of its pages must resolve, every page be valid HTML,
# and its search page find pages from disk.
corpus: build browser-deps vnu
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd $(SHARED)/bench && $(GO) run ./gencorpus -n 1000 -o "$$tmp/site") && \
	  ./$(BIN) build -s "$$tmp/site" -d "$$tmp/public" && \
	  $(GO) run ./internal/cmd/sitecheck -vnu $(VNU_JAR) \
	    -base-url "$$(sed -n 's/^base_url: *//p' "$$tmp/site/site.yaml")" "$$tmp/public" && \
	  DANGJIAN_CORPUS="$$tmp/public" $(GO) test -count=1 -v -run '^TestCorpusSearch$$' ./generator && \
	  (./$(BIN) export -s "$$tmp/site" -o "$$tmp/export" 2>"$$tmp/export.log" || { cat "$$tmp/export.log"; false; }) && \
	  ./$(BIN) check -s "$$tmp/site" > "$$tmp/check.txt" && tail -n 1 "$$tmp/check.txt" && \
	  pages=$$(find "$$tmp/public" -name index.html | wc -l) && \
	  echo "synthetic site: $$pages pages" && test "$$pages" -gt 1000

release: deps
	rm -rf $(DIST) && mkdir -p $(DIST)
	@set -e; for target in $(TARGETS); do \
	  os=$${target%/*}; arch=$${target#*/}; ext=; [ "$$os" = windows ] && ext=.exe; \
	  out="$(DIST)/dangjian-$(VERSION)-$$os-$$arch$$ext"; echo "$$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o "$$out" ./cmd/dangjian; \
	done
	cd $(DIST) && sha256sum dangjian-* > SHA256SUMS
	@echo "The binaries and SHA256SUMS are in $(DIST)/."

# Every release target compiles, its tests included (go vet compiles them), so that a break
# that shows only on Windows or macOS shows here; then a release into a temporary folder must
# hold four static binaries that match their checksums, and the one for this machine must
# print its stamp.
cross: deps
	@set -e; for target in $(TARGETS); do \
	  echo "go vet ./... for $$target"; \
	  CGO_ENABLED=0 GOOS=$${target%/*} GOARCH=$${target#*/} $(GO) vet -trimpath ./...; \
	done
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && set -e && \
	  $(MAKE) --no-print-directory release DIST="$$tmp" VERSION=v0.0.0-test COMMIT=0123456789abcdef0123 DATE=2016-09-20T08:00:00Z && \
	  (cd "$$tmp" && sha256sum -c SHA256SUMS) && \
	  test "$$(ls "$$tmp" | grep -c '^dangjian-')" -eq 4 && \
	  for bin in "$$tmp"/dangjian-*; do \
	    $(GO) version -m "$$bin" | grep -q 'CGO_ENABLED=0' || { echo "$$bin: not a static build"; exit 1; }; \
	  done && \
	  host="$$tmp/dangjian-v0.0.0-test-$$($(GO) env GOOS)-$$($(GO) env GOARCH)" && \
	  if [ -x "$$host" ]; then \
	    "$$host" version | tee "$$tmp/version" && \
	    grep -q '^dangjian v0.0.0-test commit 0123456789ab built 2016-09-20T08:00:00Z ' "$$tmp/version"; \
	  fi

# Benchmarks of loading, rendering, a whole build and a reload, on a site of BENCH_PAGES pages
# generated by $(SHARED)/bench/gencorpus (kept between runs). Not part of make test.
BENCH_PAGES ?= 10000
bench: deps
	@site=$${TMPDIR:-/tmp}/dangjian-bench-site-$(BENCH_PAGES); \
	  [ -d "$$site" ] || (cd $(SHARED)/bench && $(GO) run ./gencorpus -n $(BENCH_PAGES) -o "$$site"); \
	  DANGJIAN_BENCH_SITE="$$site" $(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./generator/

clean:
	rm -rf bin public $(DIST) test-artifacts node_modules layouts/vendor/*.js
