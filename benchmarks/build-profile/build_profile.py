#!/usr/bin/env python3
"""Where a build's CPU goes: runs a command (default: ./mvnw -B verify) in the current directory,
samples /proc every 0.5 s, and prints the CPU seconds (user + system) of every process it started,
by kind (the build's Maven, test JVMs, sandboxes, the verifier, user projects' Maven, browsers) and
by module (the process's working directory), with the wall time.

    python3 benchmarks/build-profile/build_profile.py                 # ./mvnw -B verify
    python3 benchmarks/build-profile/build_profile.py ./mvnw -B -o verify -pl sandbox -am
    PROFILE_PROCESSES=procs.tsv python3 benchmarks/build-profile/build_profile.py   # + every process

Linux only. Processes that live less than one sample may be missed; the totals are a lower bound.
"""
import collections
import os
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def kind(cmd):
    line = " ".join(cmd)
    if "plexus-classworlds" in line or "mvnw" in line:
        return "maven"
    if "surefirebooter" in line:
        return "test JVM (surefire/failsafe fork)"
    if "hubspot-oauth-sandbox" in line:
        return "sandbox"
    if "contract-verifier" in line:
        return "verifier"
    if "chrom" in line:
        return "chromium"
    if "postgres" in line:
        return "postgres"
    return "other: " + os.path.basename(cmd[0]) if cmd and cmd[0] else "other"


def descendants(root, parents):
    found, todo = {root}, [root]
    while todo:
        pid = todo.pop()
        for child, parent in parents.items():
            if parent == pid and child not in found:
                found.add(child)
                todo.append(child)
    return found


def main():
    command = sys.argv[1:] or ["./mvnw", "-B", "verify"]
    top = os.getcwd()
    started = time.time()
    build = subprocess.Popen(command)
    seen = {}  # (pid, start tick) -> [kind, cpu seconds, module]
    slots = collections.Counter()  # 20 s of the build -> CPU seconds spent in them
    commands = {}  # (pid, start tick) -> command line
    while build.poll() is None:
        parents, stats = {}, {}
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat") as f:
                    stat = f.read()
                fields = stat[stat.rfind(")") + 2 :].split()
                parents[int(name)] = int(fields[1])
                stats[int(name)] = (fields[19], (int(fields[11]) + int(fields[12])) / HZ)
            except (OSError, IndexError, ValueError):
                continue
        for pid in descendants(build.pid, parents):
            if pid not in stats:
                continue
            start, cpu = stats[pid]
            key = (pid, start)
            try:
                # Read each time: a process may exec another program (mvnw execs java).
                with open(f"/proc/{pid}/cmdline") as f:
                    cmd = f.read().split("\0")
                cwd = os.readlink(f"/proc/{pid}/cwd")
            except OSError:
                continue
            module = os.path.relpath(cwd, top).split(os.sep)[0] if cwd.startswith(top) else "(temp)"
            now = time.time() - started
            slots[int(now // 20)] += cpu - (seen[key][1] if key in seen else 0)
            seen[key] = [kind(cmd), cpu, module if module != "." else "(root)"]
            commands[key] = " ".join(cmd)
        time.sleep(0.5)
    wall = time.time() - started
    by_kind, by_module = collections.Counter(), collections.Counter()
    count = collections.Counter()
    by_both, count_both = collections.Counter(), collections.Counter()
    for k, cpu, module in seen.values():
        by_both[(module, k)] += cpu
        count_both[(module, k)] += 1
        by_kind[k] += cpu
        by_module[module] += cpu
        count[k] += 1
    total = sum(by_kind.values())
    print(f"\nexit {build.returncode}, wall {wall:.0f} s, CPU {total:.0f} s "
          f"({total / wall:.2f} cores busy on average)")
    print("CPU s  processes  kind")
    for k, cpu in by_kind.most_common():
        print(f"{cpu:6.0f}  {count[k]:9d}  {k}")
    print("CPU s  module (working directory)")
    for m, cpu in by_module.most_common():
        print(f"{cpu:6.0f}  {m}")
    print("CPU s  processes  module / kind")
    for (m, k), cpu in by_both.most_common():
        if cpu >= 1:
            print(f"{cpu:6.0f}  {count_both[(m, k)]:9d}  {m} / {k}")
    listing = os.environ.get("PROFILE_PROCESSES")
    if listing:  # every process: CPU s, kind, module, command line (tab-separated, most CPU first)
        with open(listing, "w") as out:
            for key, (k, cpu, module) in sorted(seen.items(), key=lambda e: -e[1][1]):
                out.write(f"{cpu:.1f}\t{k}\t{module}\t{commands.get(key, '')}\n")
    print("Busy cores per 20 s of the build")
    print("  ".join(f"{i * 20}s:{slots[i] / 20:.1f}" for i in sorted(slots)))
    return build.returncode


if __name__ == "__main__":
    sys.exit(main())
