#!/bin/sh
# Smoke test of the Debian package on this machine: builds the .deb twice (the project's version and a newer one),
# installs the first with apt, checks its files, the menu entry (or the message that there is no menu), the
# start-up archive and the launcher, starts the installed app under Xvfb until its main window shows the sandbox,
# upgrades to the newer build (this time on a system that has a menu folder, so both postinst branches run),
# starts it again, and removes the package. Exit 0 when every step passed.
# Needs: root (apt), JDK 17 with jpackage, Maven, fakeroot, and the packages xvfb, libgtk-3-0, xdotool.
# The packages and logs go to $SMOKE_DEB_DIR (default /tmp/bifrost-desk-smoke-deb: each build cleans target/);
# SMOKE_DEB_NO_BUILD=1 reuses the packages of an earlier run.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
out="${SMOKE_DEB_DIR:-/tmp/bifrost-desk-smoke-deb}"
app_dir=/opt/bifrost-desk
launcher="$app_dir/bin/Bifrost Desk"
entry_name=bifrost-desk-Bifrost_Desk.desktop
base=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)   # the project's own version
newer="${base%.*}.$(( ${base##*.} + 1 ))"

fail() { echo "smoke-deb: FAILED: $*" >&2; exit 1; }
installed_version() { dpkg-query -W -f '${Status} ${Version}' bifrost-desk 2>/dev/null || true; }
step() { echo "smoke-deb: $*"; }
[ "$(id -u)" = 0 ] || fail "run as root: it installs and removes a package with apt"
for c in Xvfb xdotool fakeroot dpkg-deb; do
    command -v "$c" >/dev/null 2>&1 || fail "$c is missing (apt-get install -y xvfb libgtk-3-0 xdotool fakeroot)"
done

if [ "${SMOKE_DEB_NO_BUILD:-}" != "1" ]; then
    rm -rf "$out"; mkdir -p "$out"
    # gzip instead of dpkg-deb's default xz: the same package, built in a fraction of the time on a busy box
    export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
    for v in "$base" "$newer"; do
        step "building the .deb of version $v"
        mvn -B -ntp -q -Pdist clean package -Djpackage.type=deb -Dapp.version="$v" >"$out/build-$v.log" 2>&1 \
            || { tail -n 40 "$out/build-$v.log" >&2; fail "the build of $v failed"; }
        cp target/dist/bifrost-desk_"$v"-1_amd64.deb "$out/"
    done
fi
deb_old="$out/bifrost-desk_${base}-1_amd64.deb"
deb_new="$out/bifrost-desk_${newer}-1_amd64.deb"
[ -f "$deb_old" ] && [ -f "$deb_new" ] || fail "no .deb files in $out"

if installed_version | grep -q "install ok installed"; then
    step "removing the bifrost-desk package installed before this test"
    apt-get remove -y bifrost-desk >/dev/null
fi

# a menu folder this script creates to play a desktop system, and takes away again
made_menu_dir=""
display=""
xvfb=""
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    [ -n "$made_menu_dir" ] && rmdir "$made_menu_dir" 2>/dev/null || true
}
trap cleanup EXIT

check_files() { # $1 = expected version
    [ "$(installed_version)" = "install ok installed $1-1" ] || fail "dpkg says '$(installed_version)', not $1 installed"
    [ -x "$launcher" ] || fail "no launcher at $launcher"
    [ -f "$app_dir/lib/app/bifrost-desk.jar" ] || fail "no app jar"
    [ -d "$app_dir/lib/runtime" ] || fail "no Java runtime"
    [ -f "$app_dir/lib/$entry_name" ] || fail "no desktop entry file in the package"
    [ -f "$app_dir/lib/app/bifrost-desk.jsa" ] || fail "postinst recorded no start-up archive"
    v=$(unzip -p "$app_dir/lib/app/bifrost-desk.jar" bifrostdesk/app/version.properties | sed -n 's/^version=//p')
    [ "$v" = "$1" ] || fail "the installed jar says version $v, not $1"
    "$launcher" --help | grep -q -- "--server URL" || fail "the launcher did not print the usage"
    step "files, version $1, start-up archive and launcher ok"
}

start_app() { # starts the installed app under Xvfb and waits for its main window on the sandbox
    if [ -z "$xvfb" ]; then
        n=90
        while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
        display=":$n"
        Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
        xvfb=$!
        sleep 1
    fi
    home=$(mktemp -d)
    # the class-load log shows whether the app's classes come from the archive postinst recorded
    DISPLAY="$display" BIFROST_DESK_HOME="$home" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$home/classes.log" \
        "$launcher" >"$home/app.log" 2>&1 &
    app=$!
    i=0
    until grep -q "Connected to" "$home/app.log" 2>/dev/null; do
        i=$((i + 1))
        [ "$i" -le 120 ] || { cat "$home/app.log" >&2; fail "the installed app did not connect to its sandbox in 120 s"; }
        kill -0 "$app" 2>/dev/null || { cat "$home/app.log" >&2; fail "the installed app exited"; }
        sleep 1
    done
    DISPLAY="$display" xdotool search --name "Bifrost Desk" >/dev/null 2>&1 || fail "no window named Bifrost Desk"
    grep -q "bifrostdesk.app.DeskApp source: shared objects file" "$home/classes.log" \
        || fail "the app's classes were not loaded from the start-up archive"
    kill "$app"; wait "$app" 2>/dev/null || true; app=""
    rm -rf "$home"
    step "the installed app showed its main window on the sandbox (classes from the start-up archive)"
}

step "installing $deb_old with apt (no desktop menu folder here)"
menu_ready=""
for d in /usr/local/share /usr/share; do [ -d "$d/desktop-directories" ] && menu_ready=yes; done
apt-get install -y "$deb_old" >"$out/install.log" 2>&1 || { cat "$out/install.log" >&2; fail "apt could not install"; }
check_files "$base"
if [ -z "$menu_ready" ]; then
    grep -q "no desktop menu on this system" "$out/install.log" || fail "postinst did not say it skipped the menu"
    [ ! -e "/usr/share/applications/$entry_name" ] || fail "a menu entry appeared without a menu"
    step "no menu: postinst skipped the entry and said so"
fi
start_app

step "upgrading to $newer with apt, on a system with a desktop menu folder"
if [ -z "$menu_ready" ]; then
    made_menu_dir=/usr/share/desktop-directories
    mkdir -p "$made_menu_dir"
fi
apt-get install -y "$deb_new" >"$out/upgrade.log" 2>&1 || { cat "$out/upgrade.log" >&2; fail "apt could not upgrade"; }
check_files "$newer"
if command -v xdg-desktop-menu >/dev/null 2>&1; then
    [ -f "/usr/share/applications/$entry_name" ] || fail "no menu entry in /usr/share/applications"
    grep -q "^Exec=\"$launcher\"" "/usr/share/applications/$entry_name" || fail "the menu entry does not start $launcher"
    step "menu entry registered"
fi
start_app

step "removing with apt"
apt-get remove -y bifrost-desk >"$out/remove.log" 2>&1 || { cat "$out/remove.log" >&2; fail "apt could not remove"; }
[ -z "$(installed_version | grep 'install ok installed')" ] || fail "dpkg still lists the package as installed"
[ ! -e "/usr/share/applications/$entry_name" ] || fail "the menu entry was left behind"
[ ! -e "$app_dir" ] || { find "$app_dir" >&2; fail "files were left in $app_dir"; }
apt-get purge -y bifrost-desk >/dev/null 2>&1 || fail "apt could not purge"
step "PASSED: install, start, upgrade ($base -> $newer), start, remove"
