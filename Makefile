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

.PHONY: all deps build site test lint unit corpus browser-deps vnu clean

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

test: lint unit corpus

lint: deps
	@unformatted=$$(gofmt -l cmd generator layouts internal); \
	  if [ -n "$$unformatted" ]; then echo "not gofmt-formatted: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Screenshots of the browser tests go to test-artifacts/ (not committed).
unit: deps browser-deps vnu
	VNU_JAR=$(VNU_JAR) $(GO) test -count=1 ./...

vnu: node_modules/.package-lock.json
	@command -v java >/dev/null || (apt-get update && apt-get install -y default-jre-headless)

# The 1,000-page synthetic site of $(SHARED)/bench/gencorpus must build and export without an
# error; every link and image of its pages must resolve, every page be valid HTML, and its
# search page find pages from disk.
corpus: build browser-deps vnu
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd $(SHARED)/bench && $(GO) run ./gencorpus -n 1000 -o "$$tmp/site") && \
	  ./$(BIN) build -s "$$tmp/site" -d "$$tmp/public" && \
	  $(GO) run ./internal/cmd/sitecheck -vnu $(VNU_JAR) \
	    -base-url "$$(sed -n 's/^base_url: *//p' "$$tmp/site/site.yaml")" "$$tmp/public" && \
	  DANGJIAN_CORPUS="$$tmp/public" $(GO) test -count=1 -v -run '^TestCorpusSearch$$' ./generator && \
	  (./$(BIN) export -s "$$tmp/site" -o "$$tmp/export" 2>"$$tmp/export.log" || { cat "$$tmp/export.log"; false; }) && \
	  pages=$$(find "$$tmp/public" -name index.html | wc -l) && \
	  echo "synthetic site: $$pages pages" && test "$$pages" -gt 1000

clean:
	rm -rf bin public test-artifacts node_modules layouts/vendor/*.js
