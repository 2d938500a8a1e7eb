#!/usr/bin/env python3
"""Process-level figures for the semantic layer (docs/performance.md, "Semantic layer").

Measures, with real processes started from the repository root:
  1. `kfaq index` on the shipped corpus with an empty vector cache, then again into a new root with the cache warm
     (wall time and peak RSS from /usr/bin/time -v);
  2. `kfaq ask` against the built index: a fresh process to its first answer, several times;
  3. the bot (KetamineFaqBot.Bot.dll, SQLite store in the work folder): start to /readyz, start to the first
     Direct Line answer, then questions one after another through Direct Line, each in a new conversation, with the
     process's RSS and peak RSS (VmHWM) read from /proc.

Needs `dotnet build -c Release src/KetamineFaqBot.Bot` and `dotnet build -c Release src/KetamineFaqBot.Cli` first,
and /usr/bin/time (Debian package `time`). Usage, from the repository root:
  python3 bench/KetamineFaqBot.Benchmarks/semantic-processes.py [--work DIR] [--questions N] [--asks N] [--bot-only]
      [--cli PATH/kfaq.dll] [--bot PATH/KetamineFaqBot.Bot.dll]
--cli and --bot run another build (e.g. a copy of the previous one), so before and after can alternate in one session.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

CLI = "src/KetamineFaqBot.Cli/bin/Release/net10.0/kfaq.dll"
BOT = "src/KetamineFaqBot.Bot/bin/Release/net10.0/KetamineFaqBot.Bot.dll"
QUESTIONS_FILE = "bench/KetamineFaqBot.Benchmarks/BenchmarkCorpus.cs"


def questions():
    """The benchmark questions (BenchmarkCorpus.VariedQuestions), read from the C# source so both use the same list."""
    text = open(QUESTIONS_FILE, encoding="utf-8").read()
    return list(dict.fromkeys(re.findall(r'^\s+"([^"]+)",$', text, re.M)))


def timed(args, out):
    """Runs a command under /usr/bin/time -v; returns (wall seconds, peak RSS MB, CPU seconds, exit code)."""
    with open(out, "w", encoding="utf-8") as stdout, open(out + ".time", "w", encoding="utf-8") as stderr:
        code = subprocess.call(["/usr/bin/time", "-v", *args], stdout=stdout, stderr=stderr)
    report = open(out + ".time", encoding="utf-8").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", report)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", report))
    return seconds, rss, cpu, code


def load_average():
    return open("/proc/loadavg", encoding="utf-8").read().split()[:3]


def memory(pid):
    status = open(f"/proc/{pid}/status", encoding="utf-8").read()
    value = lambda name: int(re.search(name + r":\s+(\d+) kB", status).group(1)) / 1024
    return value("VmRSS"), value("VmHWM")


def cpu_seconds(pid):
    """User + system CPU time of a process so far (less sensitive to other load on the machine than wall time)."""
    fields = open(f"/proc/{pid}/stat", encoding="utf-8").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def http(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = response.read()
        return response.status, (json.loads(payload) if payload else None)


def ask_direct_line(base, question):
    """Opens a conversation, sends one question and waits for the bot's message; returns the seconds it took."""
    started = time.monotonic()
    _, conversation = http("POST", base + "/v3/directline/conversations", {"locale": "en-US"})
    cid, token = conversation["conversationId"], conversation["token"]
    activity = {"type": "message", "text": question, "from": {"id": "visitor", "role": "user"}, "locale": "en-US"}
    _, posted = http("POST", f"{base}/v3/directline/conversations/{cid}/activities", activity, token)
    watermark = ""
    while time.monotonic() - started < 60:
        _, log = http("GET", f"{base}/v3/directline/conversations/{cid}/activities?watermark={watermark}", token=token)
        watermark = log.get("watermark") or watermark
        # The reply names the question it answers (the welcome message does not).
        if any(a.get("type") == "message" and a.get("replyToId") == posted["id"] for a in log["activities"]):
            return time.monotonic() - started
        time.sleep(0.005)
    raise TimeoutError("no answer within 60 s")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", default=None, help="work folder (default: a new temp folder, removed at the end)")
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--asks", type=int, default=5)
    parser.add_argument("--bot-only", action="store_true", help="only the bot, against the index already built in --work")
    parser.add_argument("--cli", default=CLI, help="kfaq.dll to run")
    parser.add_argument("--bot", default=BOT, help="KetamineFaqBot.Bot.dll to run")
    options = parser.parse_args()
    work = options.work or tempfile.mkdtemp(prefix="kfaq-processes-")
    os.makedirs(work, exist_ok=True)
    cache, cold_root, warm_root = (os.path.join(work, n) for n in ("cache", "root-cold", "root-warm"))
    asked = questions()
    print(f"load average at start: {' '.join(load_average())}; cli {options.cli}; bot {options.bot}")

    for name, root in () if options.bot_only else (("cold cache", cold_root), ("warm cache", warm_root)):
        wall, rss, cpu, code = timed(["dotnet", options.cli, "index", "--root", root, "--embedding-cache", cache], os.path.join(work, f"index-{name[:4]}.out"))
        embedded = re.search(r"(\d+) text\(s\) embedded", open(os.path.join(work, f"index-{name[:4]}.out"), encoding="utf-8").read())
        print(f"kfaq index, {name}: {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MB, "
              f"{embedded.group(1) if embedded else '?'} texts embedded, exit {code}; load {' '.join(load_average())}")

    for i in range(0 if options.bot_only else options.asks):
        question = asked[i % len(asked)]
        wall, rss, cpu, code = timed(["dotnet", options.cli, "ask", question, "--root", warm_root], os.path.join(work, f"ask-{i}.out"))
        print(f"kfaq ask (fresh process to first answer) #{i + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {rss:.0f} MB, exit {code}")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = dict(os.environ,
                       Urls=base,
                       ASPNETCORE_ENVIRONMENT="Development",
                       Knowledge__IndexRoot=warm_root,
                       Knowledge__BuildIndexOnStart="false",
                       Storage__ConnectionString=os.path.join(work, "bot.db"),
                       DirectLine__ConversationsPerMinutePerIp="100000")
    log = open(os.path.join(work, "bot.log"), "w", encoding="utf-8")
    started = time.monotonic()
    bot = subprocess.Popen(["dotnet", options.bot], env=environment, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            try:
                if http("GET", base + "/readyz")[0] == 200:
                    break
            except (OSError, urllib.error.HTTPError):
                pass
            if bot.poll() is not None or time.monotonic() - started > 120:
                raise RuntimeError("the bot did not become ready; see bot.log")
            time.sleep(0.02)
        ready = time.monotonic() - started
        ready_rss, ready_hwm = memory(bot.pid)
        ready_cpu = cpu_seconds(bot.pid)
        first = ask_direct_line(base, asked[0])
        print(f"bot: ready after {ready:.2f} s (CPU {ready_cpu:.2f} s, RSS {ready_rss:.0f} MB, peak {ready_hwm:.0f} MB); "
              f"first Direct Line answer {ready + first:.2f} s after start ({first * 1000:.0f} ms after ready, "
              f"CPU {cpu_seconds(bot.pid):.2f} s); load {' '.join(load_average())}")
        latencies = [first]
        for i in range(1, options.questions):
            latencies.append(ask_direct_line(base, asked[i % len(asked)]))
        rss, hwm = memory(bot.pid)
        latencies.sort()
        print(f"bot: after {options.questions} questions RSS {rss:.0f} MB, peak RSS (VmHWM) {hwm:.0f} MB; "
              f"Direct Line question to answer median {latencies[len(latencies) // 2] * 1000:.0f} ms, "
              f"max {latencies[-1] * 1000:.0f} ms (5 ms polling)")
    finally:
        bot.send_signal(signal.SIGINT)
        bot.wait(timeout=30)
        log.close()
    print(f"load average at end: {' '.join(load_average())}")
    if options.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    sys.exit(main())
