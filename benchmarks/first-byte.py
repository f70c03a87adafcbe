#!/usr/bin/env python3
"""Median time from exec to the first byte on standard output, over N runs of one command.

usage: first-byte.py RUNS -- COMMAND [ARGS...]   (the environment is passed through)
"""
import os
import statistics
import subprocess
import sys
import time


def first_byte_seconds(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process.stdout.read(1)
    elapsed = time.perf_counter() - start
    process.stdout.read()
    process.wait()
    if process.returncode != 0:
        sys.exit(f"{command[0]} exited {process.returncode}")
    return elapsed


def main():
    runs = int(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1:]
    first_byte_seconds(command)  # warm-up
    samples = [first_byte_seconds(command) for _ in range(runs)]
    print(f"{statistics.median(samples) * 1000:.1f}")


if __name__ == "__main__":
    main()
