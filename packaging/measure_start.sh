#!/usr/bin/env bash
# Cold start of Passerelle to its first window, measured from outside on a virtual X display.
#
#   bash packaging/measure_start.sh [RUNS] -- COMMAND...
#   bash packaging/measure_start.sh 5 -- dist/passerelle/passerelle --demo
#   bash packaging/measure_start.sh 5 -- /work/venv/bin/passerelle --demo
#
# For each run: start COMMAND on a fresh Xvfb display, poll the X window tree every 10 ms until
# Passerelle's main window (X class "Passerelle") is mapped, print the milliseconds, kill it.
# The first run after a build or a reboot is the "cold" one (files not yet in the page cache);
# the later ones are warm. Needs Xvfb and xwininfo (packages xvfb, x11-utils). The program is
# not changed in any way for this.
set -euo pipefail
runs="${1:-5}"
shift || true
[[ "${1:-}" == "--" ]] && shift
[[ $# -gt 0 ]] || { echo "usage: $0 [RUNS] -- COMMAND..." >&2; exit 2; }

display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 100); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.05; done

export DISPLAY="$display" QT_QPA_PLATFORM=xcb LANG="${LANG:-C.UTF-8}"
for run in $(seq "$runs"); do
    home="$(mktemp -d)"
    start=$(date +%s%N)
    HOME="$home" "$@" >"$home/output.txt" 2>&1 &
    app=$!
    shown=""
    cpu=""
    for _ in $(seq 3000); do  # 30 s at most
        # The main window: WM_CLASS ("passerelle" "Passerelle"), and mapped (viewable).
        window=$(xwininfo -display "$display" -root -tree 2>/dev/null \
            | awk '/\("passerelle" "Passerelle"\)/ {print $1; exit}')
        if [[ -n $window ]] && xwininfo -display "$display" -id "$window" 2>/dev/null \
            | grep -q 'IsViewable'; then
            shown=$(( ($(date +%s%N) - start) / 1000000 ))
            # CPU time the program had used by then (user + system): hardly changed by other
            # processes competing for the CPU, unlike the wall-clock time.
            ticks=$(awk '{print $14 + $15}' "/proc/$app/stat" 2>/dev/null || echo 0)
            cpu=$(( ticks * 1000 / $(getconf CLK_TCK) ))
            break
        fi
        kill -0 "$app" 2>/dev/null || break
        sleep 0.01
    done
    status=0
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || status=$?
    if [[ -z $shown ]]; then
        echo "run $run: the program ended (status $status) before showing a window; its output:"
        tail -n 20 "$home/output.txt"
    fi
    rm -rf "$home"
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "run $run: ${shown:-no window} ms to the first window (CPU ${cpu:-?} ms; load $load)"
done
