# dangjian — `make` builds the binary and the real site; `make test` runs every test.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/dangjian

.PHONY: all deps build site test lint unit clean

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

test: lint unit

lint: deps
	@unformatted=$$(gofmt -l cmd generator layouts); \
	  if [ -n "$$unformatted" ]; then echo "not gofmt-formatted: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

unit: deps
	$(GO) test -count=1 ./...

clean:
	rm -rf bin public
