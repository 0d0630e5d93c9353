# dangjian — `make` builds the binary and the real site; `make test` runs every test.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/dangjian

# The shared folder beside the repository: the bench corpus generator lives there.
SHARED      ?= ../shared

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

.PHONY: all deps tools build site test lint unit corpus cross release clean

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

test: lint unit corpus cross

lint: deps
	@unformatted=$$(gofmt -l cmd generator layouts internal); \
	  if [ -n "$$unformatted" ]; then echo "not gofmt-formatted: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

tools:
	@command -v git >/dev/null || (apt-get update && apt-get install -y git)
	@test -x $(NGINX_BIN) || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx)

# DANGJIAN_NGINX makes the deployment test run rather than skip when nginx is missing.
unit: deps tools
	DANGJIAN_NGINX=$(NGINX_BIN) $(GO) test -count=1 ./...

# The 1,000-page synthetic site of $(SHARED)/bench/gencorpus must build without an error.
corpus: build
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd $(SHARED)/bench && $(GO) run ./gencorpus -n 1000 -o "$$tmp/site") && \
	  ./$(BIN) build -s "$$tmp/site" -d "$$tmp/public" && \
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

clean:
	rm -rf bin public $(DIST)
