#!/usr/bin/env python3
"""Time from starting an interactive program in a pseudo-terminal to its prompt, and to the prompt
echoing a first keystroke (usable), over N runs of each command, interleaved.

usage: startup-prompt.py RUNS NAME PROMPT_REGEX CWD -- COMMAND [ARGS...] [--- NAME PROMPT_REGEX CWD -- COMMAND ...]

The pty is 24 x 80 with TERM=xterm-256color; the environment is passed through. Cursor position
requests are answered, as a terminal does. Escape sequences are removed before the prompt is looked
for, so a prompt drawn with colours or cursor moves still matches. After the echo the program gets Ctrl-U and Ctrl-D and is reaped (killed after 5 s).
Prints one line a command: NAME, the median to the prompt and to the echo in ms, min and max.
"""
import fcntl
import os
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time

ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r")
TIMEOUT = 10.0


def read_until(master, pattern, deadline, seen, since=0):
    """Reads from `master` into `seen` until its text from `since`, without escapes, matches."""
    while True:
        if pattern.search(ESCAPES.sub(b"", bytes(seen[since:]))):
            return
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError(f"no {pattern.pattern!r} in {ESCAPES.sub(b'', bytes(seen))[-300:]!r}")
        ready, _, _ = select.select([master], [], [], remaining)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                raise EOFError(f"exited before {pattern.pattern!r}: {bytes(seen)[-300:]!r}")
            # Answer cursor position requests as a terminal would (prompt_toolkit waits 2 s for one).
            for _ in range((bytes(seen[-3:]) + chunk).count(b"\x1b[6n")):
                os.write(master, b"\x1b[1;1R")
            seen += chunk


def reap(pid, master):
    """Drains the terminal until the child has gone, killing it if it lingers."""
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                pass
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


def one_run(command, cwd, prompt):
    """Seconds to the prompt and to the echo of a first keystroke after it."""
    start = time.perf_counter()
    pid, master = os.forkpty()
    if pid == 0:
        try:
            os.chdir(cwd)
            os.execvpe(command[0], command, dict(os.environ, TERM="xterm-256color"))
        finally:
            os._exit(127)
    try:
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        seen = bytearray()
        deadline = start + TIMEOUT
        read_until(master, prompt, deadline, seen)
        prompted = time.perf_counter() - start
        since = len(seen)
        os.write(master, b"z")
        read_until(master, re.compile(b"z"), deadline, seen, since)
        echoed = time.perf_counter() - start
        os.write(master, b"\x15\x04")  # Ctrl-U clears the line, Ctrl-D on an empty line leaves
        reap(pid, master)
        return prompted, echoed
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(master)


def parse(arguments):
    """[(name, prompt regex, cwd, command)] from NAME PROMPT CWD -- COMMAND groups split by ---."""
    groups, group = [], []
    for argument in arguments + ["---"]:
        if argument == "---":
            name, prompt, cwd, dashes, *command = group
            assert dashes == "--" and command, __doc__
            groups.append((name, re.compile(prompt.encode()), cwd, command))
            group = []
        else:
            group.append(argument)
    return groups


def main():
    runs = int(sys.argv[1])
    commands = parse(sys.argv[2:])
    samples = {name: [] for name, *_ in commands}
    for name, prompt, cwd, command in commands:
        one_run(command, cwd, prompt)  # warm-up: page cache, first-run files
    for _ in range(runs):
        for name, prompt, cwd, command in commands:
            samples[name].append(one_run(command, cwd, prompt))
    for name, *_ in commands:
        prompted = [sample[0] * 1000 for sample in samples[name]]
        echoed = [sample[1] * 1000 for sample in samples[name]]
        print(
            f"{name}\t{statistics.median(prompted):.1f}\t{statistics.median(echoed):.1f}"
            f"\t{min(prompted):.1f}\t{max(prompted):.1f}"
        )


if __name__ == "__main__":
    main()
