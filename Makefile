# dangjian — `make` builds the binary and the real site; `make test` runs every test.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/dangjian

# The shared folder beside the repository: the bench corpus generator lives there.
SHARED      ?= ../shared

.PHONY: all deps build site test lint unit fuzz corpus clean

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

test: lint unit fuzz corpus

lint: deps
	@unformatted=$$(gofmt -l cmd generator layouts internal); \
	  if [ -n "$$unformatted" ]; then echo "not gofmt-formatted: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

unit: deps
	$(GO) test -count=1 ./...

# Each fuzz target for FUZZTIME, beyond its seeds that unit runs (go test -fuzz takes one
# target at a time). A failure leaves its input under the package's testdata/fuzz/.
FUZZTIME ?= 10s
fuzz: deps
	$(GO) test ./generator/frontmatter -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/hygiene -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME)

# The 1,000-page synthetic site of $(SHARED)/bench/gencorpus must build and check without an error.
corpus: build
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd $(SHARED)/bench && $(GO) run ./gencorpus -n 1000 -o "$$tmp/site") && \
	  ./$(BIN) build -s "$$tmp/site" -d "$$tmp/public" && \
	  ./$(BIN) check -s "$$tmp/site" > "$$tmp/check.txt" && tail -n 1 "$$tmp/check.txt" && \
	  pages=$$(find "$$tmp/public" -name index.html | wc -l) && \
	  echo "synthetic site: $$pages pages" && test "$$pages" -gt 1000

clean:
	rm -rf bin public
