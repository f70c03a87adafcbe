#!/usr/bin/env python3
"""Whole processes timed in interleaved rounds (A B C A B C ...), so a busy shared machine slows every
command alike within a round; prints the median wall time, the median ratio to the peer within a round,
and the peak RSS of each. usage: bulk-output.py RUNS NAME=COMMAND... (the first of each pair is ours,
the second its peer: pairs are given as OURS PEER OURS PEER ...)"""
import os, shlex, statistics, subprocess, sys, time

runs = int(sys.argv[1])
commands = [arg.split("=", 1) for arg in sys.argv[2:]]
times = {name: [] for name, _ in commands}
peaks = {name: 0 for name, _ in commands}
ratios = {}
for round_number in range(runs + 1):  # the first round warms the caches and is not counted
    this_round = {}
    for name, command in commands:
        with open(os.devnull, "wb") as null:
            start = time.perf_counter()
            process = subprocess.Popen(command, shell=True, stdout=null)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
        if status != 0:
            sys.exit(f"{name} failed with status {status}")
        if round_number > 0:
            times[name].append(elapsed)
            this_round[name] = elapsed
            peaks[name] = max(peaks[name], usage.ru_maxrss / 1024)
    for (ours, _), (peer, _) in zip(commands[0::2], commands[1::2]):
        if round_number > 0:
            ratios.setdefault(ours, []).append(this_round[ours] / this_round[peer])
for (ours, _), (peer, _) in zip(commands[0::2], commands[1::2]):
    print(f"  {ours:38} {statistics.median(times[ours]):6.3f} s  {peaks[ours]:6.1f} MB")
    print(f"  {peer:38} {statistics.median(times[peer]):6.3f} s  {peaks[peer]:6.1f} MB")
    print(f"  {'ratio (median of the rounds)':38} {statistics.median(ratios[ours]):6.2f}x")
