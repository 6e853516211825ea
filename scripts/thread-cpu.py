#!/usr/bin/env python3
"""Per-thread CPU and scheduler wait of the running Arbiter server over a window (Linux).

    scripts/thread-cpu.py [seconds]      # e.g. during the gate phase of scripts/bench-gate.sh

Reads /proc/<pid>/task/*/schedstat of the newest `arbiter.jar serve` process at the start and the end of the
window and prints, per thread name (digits folded, so pools show as one line), the cores it used and how long
it was runnable but waiting for a core ("waited"), both as a share of the window.
"""
import glob
import sys
import time


def server_pid():
    pids = []
    for path in glob.glob('/proc/[0-9]*/cmdline'):
        try:
            cmdline = open(path, 'rb').read().replace(b'\0', b' ').decode()
        except OSError:
            continue
        if 'arbiter.jar serve' in cmdline and 'bash' not in cmdline:
            pids.append(int(path.split('/')[2]))
    if not pids:
        sys.exit('no running `arbiter.jar serve` process')
    return max(pids)


def threads(pid):
    totals = {}
    for task in glob.glob(f'/proc/{pid}/task/*'):
        try:
            name = open(task + '/comm').read().strip()
            cpu, waited, _ = map(int, open(task + '/schedstat').read().split())
        except OSError:
            continue  # the thread ended
        key = ''.join('N' if ch.isdigit() else ch for ch in name)
        entry = totals.setdefault(key, [0, 0, 0])
        entry[0] += cpu
        entry[1] += waited
        entry[2] += 1
    return totals


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 25
    pid = server_pid()
    before, started = threads(pid), time.time()
    time.sleep(seconds)
    after, elapsed = threads(pid), time.time() - started
    rows = []
    for name, (cpu, waited, count) in after.items():
        was = before.get(name, [0, 0, 0])
        rows.append(((cpu - was[0]) / 1e9 / elapsed, (waited - was[1]) / 1e9 / elapsed, name, count))
    rows.sort(reverse=True)
    print(f'server {pid}, {elapsed:.0f} s: thread, cores used, cores waited for')
    for cores, waited, name, count in rows[:15]:
        print(f'{name:18s} {cores:5.2f} {waited:5.2f}  ({count} thread{"s" if count > 1 else ""})')


if __name__ == '__main__':
    main()
