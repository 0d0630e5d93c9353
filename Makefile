# dangjian — `make` builds the binary and the real site; `make test` runs every test.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/dangjian

# The shared folder beside the repository: the bench corpus generator lives there.
SHARED      ?= ../shared

# The Nu HTML Checker validates exported articles in the tests: vnu-jar from npm, pinned by
# package-lock.json, run by Java (Debian's default-jre-headless where the machine has none).
VNU_JAR     := $(CURDIR)/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: all deps build site test lint unit corpus vnu clean

all: site

# Go modules, from go.sum.
deps:
	$(GO) mod download

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

unit: deps vnu
	VNU_JAR=$(VNU_JAR) $(GO) test -count=1 ./...

# npm writes node_modules/.package-lock.json on each install: it stands for the whole install.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

vnu: node_modules/.package-lock.json
	@command -v java >/dev/null || (apt-get update && apt-get install -y default-jre-headless)

# The 1,000-page synthetic site of $(SHARED)/bench/gencorpus must build and export without an error.
corpus: build
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd $(SHARED)/bench && $(GO) run ./gencorpus -n 1000 -o "$$tmp/site") && \
	  ./$(BIN) build -s "$$tmp/site" -d "$$tmp/public" && \
	  (./$(BIN) export -s "$$tmp/site" -o "$$tmp/export" 2>"$$tmp/export.log" || { cat "$$tmp/export.log"; false; }) && \
	  pages=$$(find "$$tmp/public" -name index.html | wc -l) && \
	  echo "synthetic site: $$pages pages" && test "$$pages" -gt 1000

clean:
	rm -rf bin public
