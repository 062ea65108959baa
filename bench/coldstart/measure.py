#!/usr/bin/env python3
"""Cold start: process spawn -> first HTTP 200 on /health/ready, for the bare app and the bot.

The bot's readiness means the deck is parsed, the database is migrated and the app is serving.
Runs alternate between the variants so that machine noise hits them alike; prints medians.
usage: measure.py --runs 7 name=folder/app.dll[:existing][:any] ...
  :existing  reuse one migrated database for every run (a restart); default: a fresh one each run
  :any       count the first HTTP response of any status (for a build without /health/ready)
"""
import argparse, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.error, urllib.request

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def once(dll, workdir, path, any_status=False, limit=60.0):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASPNETCORE_", "DOTNET_"))}
    env.update(URLS=f"http://127.0.0.1:{port}", DOTNET_ENVIRONMENT="Production",
               Database__ConnectionString=f"Data Source={os.path.join(workdir, 'data', 'bot.db')}",
               Logging__LogLevel__Default="Warning")
    t0 = time.perf_counter()
    proc = subprocess.Popen(["dotnet", dll], cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}{path}"
    try:
        while time.perf_counter() - t0 < limit:
            if proc.poll() is not None:
                raise RuntimeError(f"{dll} exited: {proc.stderr.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(url, timeout=1) as r:
                    if r.status == 200:
                        return (time.perf_counter() - t0) * 1000
            except urllib.error.HTTPError:
                if any_status:  # an app without /health/ready: its first response of any kind
                    return (time.perf_counter() - t0) * 1000
            except Exception:
                pass
            time.sleep(0.005)
        raise RuntimeError(f"{dll} not ready in {limit}s")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--path", default="/health/ready")
    ap.add_argument("variants", nargs="+", help="name=path/to/app.dll[:fresh|:existing]")
    a = ap.parse_args()
    variants = []
    for v in a.variants:
        name, rest = v.split("=", 1)
        dll, *flags = rest.split(":")
        mode = "existing" if "existing" in flags else "fresh"
        variants.append((name, os.path.abspath(dll), mode, "any" in flags))
    results = {name: [] for name, *_ in variants}
    existing = {}
    for i in range(a.runs + 1):  # run 0 warms the disk cache and is not counted
        for name, dll, mode, any_status in variants:
            if mode == "existing":
                wd = existing.get(dll)
                if wd is None:
                    wd = existing[dll] = tempfile.mkdtemp(prefix="cl37-cold-")
                    once(dll, wd, a.path, any_status)  # creates and migrates the database
            else:
                wd = tempfile.mkdtemp(prefix="cl37-cold-")
            ms = once(dll, wd, a.path, any_status)
            if mode != "existing":
                shutil.rmtree(wd, ignore_errors=True)
            if i > 0:
                results[name].append(ms)
            print(f"run {i} {name}: {ms:.0f} ms", file=sys.stderr, flush=True)
    for wd in existing.values():
        shutil.rmtree(wd, ignore_errors=True)
    base = None
    print(f"| variant | median ms | min | max | runs | x bare |\n|---|---|---|---|---|---|")
    for name, *_ in variants:
        r = results[name]
        med = statistics.median(r)
        if base is None:
            base = med
        print(f"| {name} | {med:.0f} | {min(r):.0f} | {max(r):.0f} | {len(r)} | {med / base:.2f} |")

if __name__ == "__main__":
    main()
