# feedwatch — two commands on a fresh Debian 12 machine with Swift:
#   make demo   installs the C libraries if missing, builds, polls the sample feeds once, prints the alerts
#   make test   installs the C libraries if missing, builds, runs every test

SWIFT      ?= swift
APT_DEPS   := libxml2-dev libcurl4-openssl-dev libsqlite3-dev libmimalloc-dev pkg-config
# Only the tests need these: logrotate runs the shipped logrotate config for real;
# systemd-analyze (package systemd) checks the unit; procps gives /bin/kill for ExecReload;
# zsh and fish check that their completion scripts parse; python3 and openssl serve HTTPS with a
# self-signed certificate that the fetcher must refuse.
TEST_DEPS  := logrotate systemd procps zsh fish python3 openssl
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN        := .build/debug/feedwatch


.PHONY: demo test build deps test-deps apt-install clean-demo release conformance install uninstall service-test man completions fuzz test-asan test-tsan

## Install the Debian packages feedwatch links against, only those missing.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_DEPS)"

test-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_DEPS) $(TEST_DEPS)"

apt-install:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

## Poll the bundled sample feeds once and print the alerts (state in .demo/; a second run adds nothing).
demo: build
	@echo "== feedwatch run --once --config config/demo.yaml"
	@$(BIN) run --once --config config/demo.yaml
	@echo "== feedwatch tail -n 50 --config config/demo.yaml"
	@$(BIN) tail -n 50 --config config/demo.yaml

## Forget the demo's state, so the next `make demo` alerts afresh.
clean-demo:
	rm -rf .demo

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Every fuzz target (Fuzz/, libFuzzer + AddressSanitizer) for FUZZ_SECONDS each; fails on a
## crash, leak or timeout and keeps the input under .build-fuzz/artifacts/ (docs/reliability.md).
FUZZ_SECONDS ?= 60
fuzz: deps
	bash scripts/fuzz/run.sh $(FUZZ_SECONDS)

## The whole test suite under AddressSanitizer (and LeakSanitizer), in its own build folder;
## the end-to-end tests run the sanitized binary built there (docs/reliability.md, "Sanitizers").
## scripts/sanitizers/lsan.supp lists the leaks that are not feedwatch's, and why.
test-asan: test-deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS="suppressions=$(CURDIR)/scripts/sanitizers/lsan.supp $(LSAN_OPTIONS)" \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

## The same under ThreadSanitizer (no suppressions needed so far). The conformance test (746 runs
## of the binary) exceeds its 300 s time limit under TSan and is skipped here.
test-tsan: test-deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --skip ConformanceEndToEndTests

# Flags for every release build (release, install, completions, conformance; the bench scripts use
# the same default). --static-swift-stdlib links the Swift runtime and Foundation into the binary:
# `feedwatch --version` starts in about half the time (no symbol lookups across a dozen Swift
# libraries) with 4 MB less RSS, and runs on a machine without Swift; the binary grows from 23 to
# 94 MB, most of it Foundation's ICU data, mapped but not read (docs/benchmarks.md, "Process start").
# The same flags every time: .build/release built with and without them relinks on each switch.
# SWIFT_BUILD_FLAGS= (empty) builds against the shared Swift libraries instead.
SWIFT_BUILD_FLAGS ?= --static-swift-stdlib
RELEASE_DIR = $(shell $(SWIFT) build -c release $(SWIFT_BUILD_FLAGS) --show-bin-path 2>/dev/null)

## The service under a real systemd 252: debootstrapped Debian 12 in systemd-nspawn (root only;
## exit 77, loudly, where it cannot run). See scripts/systemd/nspawn_service_test.sh.
service-test: deps
	bash scripts/systemd/nspawn_service_test.sh

release: deps
	$(SWIFT) build -c release $(SWIFT_BUILD_FLAGS)

## feedparser's conformance suite against `feedwatch parse --json` (see docs/conformance.md).
conformance: release
	python3 ../shared/conformance/run_feedparser_suite.py --parser "$(RELEASE_DIR)/feedwatch parse --json" --tier core

PREFIX ?= /usr/local
MANPAGE := .build/plugins/GenerateManual/outputs/feedwatch/feedwatch.1

## The man page, generated from the command line's own help (swift-argument-parser's plugin).
man: deps
	$(SWIFT) package generate-manual

COMPLETIONS := .build/completions

## Shell completions for bash, zsh and fish, written by the binary itself (swift-argument-parser's
## --generate-completion-script); fails when a script comes out empty.
completions: release
	@mkdir -p $(COMPLETIONS)
	@for sh in bash zsh fish; do \
	  $(RELEASE_DIR)/feedwatch --generate-completion-script $$sh > $(COMPLETIONS)/feedwatch.$$sh || exit 1; \
	  [ -s $(COMPLETIONS)/feedwatch.$$sh ] || { echo "the $$sh completion script is empty" >&2; exit 1; }; \
	done
	@echo "completion scripts in $(COMPLETIONS)"

## Install the binary, the systemd unit, the shell completions and the example config (does not
## overwrite an existing config).
install: release man completions
	install -D -m 0755 $(RELEASE_DIR)/feedwatch $(DESTDIR)$(PREFIX)/bin/feedwatch
	install -D -m 0644 $(COMPLETIONS)/feedwatch.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/feedwatch
	install -D -m 0644 $(COMPLETIONS)/feedwatch.zsh $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_feedwatch
	install -D -m 0644 $(COMPLETIONS)/feedwatch.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/feedwatch.fish
	install -D -m 0644 Sources/Entities/Resources/ner.model $(DESTDIR)$(PREFIX)/share/feedwatch/ner.model
	install -D -m 0644 $(MANPAGE) $(DESTDIR)$(PREFIX)/share/man/man1/feedwatch.1
	install -D -m 0644 systemd/feedwatch.service $(DESTDIR)/etc/systemd/system/feedwatch.service
	install -D -m 0644 config/logrotate.d/feedwatch $(DESTDIR)/etc/logrotate.d/feedwatch
	install -d $(DESTDIR)/etc/feedwatch/watchlists.d
	[ -e $(DESTDIR)/etc/feedwatch/feedwatch.yaml ] || install -m 0644 config/feedwatch.yaml $(DESTDIR)/etc/feedwatch/feedwatch.yaml
	for f in config/watchlists.d/*.yaml; do \
	  [ -e $(DESTDIR)/etc/feedwatch/watchlists.d/$$(basename $$f) ] || install -m 0644 $$f $(DESTDIR)/etc/feedwatch/watchlists.d/; \
	done

## Remove what `make install` put in place; the config, watch lists, state and alert log stay.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/feedwatch $(DESTDIR)$(PREFIX)/share/feedwatch/ner.model $(DESTDIR)$(PREFIX)/share/man/man1/feedwatch.1
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/feedwatch $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_feedwatch \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/feedwatch.fish
	rm -f $(DESTDIR)/etc/systemd/system/feedwatch.service $(DESTDIR)/etc/logrotate.d/feedwatch
	-rmdir $(DESTDIR)$(PREFIX)/share/feedwatch 2>/dev/null
