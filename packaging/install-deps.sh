#!/usr/bin/env bash
# Installs everything Latchkey needs to build, run and test on Debian 12, by package name.
# Idempotent; works as root or through sudo.
#   install-deps.sh           what the build and the test suite need
#   install-deps.sh --bench   that, and what bench/run-all.sh adds (wrk, nginx-light, Node.js)
set -euo pipefail

packages=(
  # toolchain
  cmake ninja-build g++ pkg-config git clang-format
  # Qt 6 (6.4.2 on Debian 12); qt6-httpserver-dev fails to configure without qt6-websockets-dev
  qt6-base-dev qt6-declarative-dev qt6-webengine-dev qt6-webchannel-dev
  qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  qt6-qpa-plugins libqt6sql6-sqlite libqt6opengl6-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtwebengine qml6-module-qtwebchannel
  qml6-module-qtqml-workerscript qml6-module-qtquick-templates qml6-module-qt-labs-settings
  # templates, crypto
  libkainjow-mustache-dev libssl-dev openssl
  # RP ID check: public suffix list (libpsl, with its built-in list)
  libpsl-dev
  # sealing key of the software key store in the Secret Service
  qtkeychain-qt6-dev
  # a private session bus for the keychain tests (test_keychain_sealing)
  dbus-daemon
  # the TPM key store (tpm2-tss ESYS and its TCTIs, the swtpm TCTI among them); the software
  # TPM its tests start (swtpm; swtpm-tools for swtpm_setup when a test needs a provisioned one)
  libtss2-dev swtpm swtpm-tools
  # tests: display, fonts, fuzzing
  xvfb xauth xdotool libxcb1-dev fonts-dejavu-core clang libfuzzer-14-dev libclang-rt-14-dev
  # rendering the pages headless for screenshots (server)
  chromium
  # the webauthn.dll back end: cross-compiled with mingw-w64 (its headers ship webauthn.h) and
  # tested under Wine; Wine's bcrypt.dll does the fake authenticator's keys through GnuTLS,
  # which libwine only recommends
  g++-mingw-w64-x86-64 wine64 libgnutls30
  # the benchmarks' sign-in round-trip client (bench/handler, built with everything else)
  libcurl4-openssl-dev
  # user verification through PAM (libpam), tested through a real PAM stack (pam_wrapper)
  libpam0g-dev libpam-wrapper pamtester
  # the .deb: CPack's DEB generator (dpkg-deb, dpkg-shlibdeps from dpkg-dev, file), and what the
  # package test checks it with (lintian, appstreamcli)
  dpkg-dev file lintian appstream
  # Debian's real polkitd (and its org.freedesktop.policykit.exec action), which test_polkitd
  # starts on a private bus
  polkitd
  # the kill tests' last restart runs the app past the ceremony timeout (libfaketime), so the
  # start-up cleanup of keys without a passkey row is seen to happen
  faketime
)
if [ "${1:-}" = "--bench" ]; then
  packages+=(
    # bench/run-all.sh: HTTP load (wrk), the page baseline (nginx-light, started by the script
    # on loopback only), the peer baseline @simplewebauthn/server (Node.js >= 20 and npm: the
    # image's nodejs package brings both)
    wrk nginx-light nodejs
  )
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# Node.js and npm, for axe-core (tests/a11y) and the benchmarks' peer baseline: Debian's packages
# where the machine has no npm of its own (Debian's nodejs has npm as a separate package; a
# nodejs that ships npm, as the image's does, is used as it is and must not get Debian's npm).
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
else
  echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# axe-core for the accessibility tests (tests/a11y), the version pinned by its lock file, from
# the npm registry; node_modules stays in tests/a11y and out of git. No install scripts run.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
a11y="$root/tests/a11y"
wanted() { node -p "require('$a11y/package-lock.json').packages['node_modules/axe-core'].version"; }
have() { node -p "require('$a11y/node_modules/axe-core/package.json').version" 2>/dev/null || true; }
if [ "$(have)" != "$(wanted)" ]; then
  echo "install-deps: npm ci in tests/a11y (axe-core $(wanted))"
  (cd "$a11y" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
