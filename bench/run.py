#!/usr/bin/env python3
"""feedsync's benchmark driver (issue 7); scripts/bench installs the tools, builds the
release binary and calls this.

What: measures, side by side in one run and on the same generated files, feedsync and
the tools a user would pick instead, and prints Markdown tables with ratios:

  csv    export CSV -> Affili JSON Lines: feedsync, bench/python_peer.py (csv module),
         `mlr --icsv --ojsonl cat` (conversion only, no mapping)
  xml    export Google Merchant XML: feedsync, python_peer.py (ElementTree iterparse),
         `xmllint --stream --noout` (parse only); only if the binary reads `format: xml`
  json   export Affili webhook pages: feedsync, python_peer.py (json module),
         `jq -c '.data.products[]'`; only if the binary reads `format: json-pages`
  sync   `feedsync sync` against bench/affili_standin.py: the first sync of the catalog,
         a sync with nothing changed (compared with a plain export of the same file) and
         one with 1% of the prices changed; with the requests each made
  serve  `feedsync serve` over the synced store: p50/p99 latency of 1000-product pages,
         with and without filters, on one connection (Python client) and req/s with
         --connections (4) connections (wrk)

For each command: wall time, CPU time (user+sys) and peak RSS from /usr/bin/time, and
throughput (input MB / wall s). Ratios are feedsync/peer: speed (throughput) and RSS.

Why: the issue asks for figures relative to the alternatives, measured in the same run on
the same machine, so that a noisy or slow machine moves everything together. Nothing
here is a test: no figure fails anything; every number printed comes from this run.

Before measuring, an agreement check runs feedsync and the Python peers on a small
generated catalog and compares their products with the generator's expected products
(created_at/updated_at aside), so the peers are known to do the same work.
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(REPO, "fixtures", "generator", "generate.py")
PEER = os.path.join(REPO, "bench", "python_peer.py")
STANDIN = os.path.join(REPO, "bench", "affili_standin.py")
WRK_SCRIPT = os.path.join(REPO, "bench", "wrk_pages.lua")
BASE_URL = "https://shop.example.ir"
TOKEN = "bench-token"
SEED = 7
CHANGED_PERCENT = 1
SCENARIOS = ["csv", "xml", "json", "sync", "serve"]
# Serve queries: (label, extra query string). The category is a leaf of the generated
# taxonomy (English "Home > Kitchen > Mugs").
SERVE_QUERIES = [
    ("no filter", ""),
    ("in_stock + price range", "&in_stock=true&min_price=1000000&max_price=20000000"),
    ("primary category", "&cid=" + urllib.parse.quote("home/kitchen/mugs", safe="") + "&is_primary=1"),
]


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def parse_size(text):
    text = text.strip().lower()
    factor = {"k": 1000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if factor > 1 else text) * factor)


def size_label(n):
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}m"
    if n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


# --- Machine and data. ---

def machine_info():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(), "cpu": cpu, "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(), "commit": commit + ("+changes" if dirty else ""),
        "load_start": os.getloadavg(),
    }


def ensure_data(root, rows, formats, changed_percent=0):
    """The generated catalog folder for `rows` rows holding at least `formats`."""
    name = size_label(rows) + (f"-changed{changed_percent:g}" if changed_percent else "")
    folder = os.path.join(root, "data", name)
    manifest_path = os.path.join(folder, "manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path) as f:
            manifest = json.load(f)
        if manifest.get("seed") == SEED and set(formats) <= set(manifest.get("formats", [])):
            return folder, manifest
        formats = sorted(set(formats) | set(manifest.get("formats", [])))
    shutil.rmtree(folder, ignore_errors=True)
    log(f"generating {name} ({','.join(sorted(formats))}) into {folder}")
    argv = [sys.executable, GENERATOR, "--products", str(rows), "--seed", str(SEED), "--formats", ",".join(sorted(formats)),
            "--base-url", BASE_URL, "--out", folder]
    if changed_percent:
        argv += ["--changed-percent", str(changed_percent)]
    subprocess.run(argv, check=True)
    with open(manifest_path) as f:
        return folder, json.load(f)


def warm(path):
    """Reads a file or folder once so every tool starts with it in the page cache."""
    paths = [os.path.join(path, n) for n in sorted(os.listdir(path))] if os.path.isdir(path) else [path]
    for p in paths:
        with open(p, "rb") as f:
            while f.read(1 << 22):
                pass


def input_bytes(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, n)) for n in os.listdir(path))
    return os.path.getsize(path)


def page_files(folder):
    names = [n for n in os.listdir(folder) if not n.startswith(".")]
    names.sort(key=lambda n: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", n)])
    return [os.path.join(folder, n) for n in names]


# --- Configurations for feedsync. ---

def write_config(path, source_format, location, mapping, state=None, endpoint=None):
    lines = []
    if state:
        lines.append(f"state: {state}")
    lines += ["sources:", "  - name: shop", f"    format: {source_format}", f"    location: {location}",
              f"    mapping: {mapping}", f"    base_url: {BASE_URL}"]
    if endpoint:
        lines += ["affili:", f"  endpoint: {endpoint}", "  token: ${AFFILI_TOKEN}", "  withdraw: out-of-stock"]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("# Generated by bench/run.py\n" + "\n".join(lines) + "\n")
    return path


# --- Measuring one command. ---

class Failed(Exception):
    pass


def measure(argv, stdout=os.devnull, env=None, log_path=None, accept=(0,)):
    """Runs argv under /usr/bin/time; returns wall, cpu, user, sys (s) and peak RSS (MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        log_file = open(log_path or os.devnull, "w")
        with open(stdout, "w") as out:
            rc = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", timing.name] + argv,
                                stdout=out, stderr=log_file, env=env).returncode
        log_file.close()
        fields = timing.read().strip().splitlines()[-1].split()
    if rc not in accept:
        tail = ""
        if log_path and os.path.exists(log_path):
            with open(log_path, errors="replace") as f:
                tail = "".join(f.readlines()[-5:])
        raise Failed(f"{' '.join(argv[:3])}... exited {rc}\n{tail}")
    wall, user, system, rss_kb = float(fields[0]), float(fields[1]), float(fields[2]), int(fields[3])
    return {"wall": wall, "user": user, "sys": system, "cpu": user + system, "rss_mb": rss_kb / 1024, "rc": rc}


def measure_repeated(argv, repeat, before=None, **kwargs):
    """The run with the median wall time of `repeat` runs (before() runs ahead of each)."""
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(measure(argv, **kwargs))
    runs.sort(key=lambda r: r["wall"])
    median = runs[len(runs) // 2]
    median["runs"] = len(runs)
    median["walls"] = [r["wall"] for r in runs]
    return median


# --- Support probe and agreement check. ---

# The least a mapping can say, in keys every build knows, so that probing a format does
# not depend on the benchmark mapping (a preset this build may lack, or a file with newer keys).
PROBE_MAPPINGS = {
    "xml": ("xml:\n  record: item\n", {"pid": "g:id", "name": "title", "url": "link", "price": "g:price"}),
    "json-pages": ("json:\n  items: /data/products\n", {"pid": "pid", "name": "name", "url": "url", "price": "price"}),
}


def try_export(binary, config):
    """(ok, first error line) of a jsonl export of `config` to /dev/null."""
    result = subprocess.run([binary, "export", "--config", config, "--format", "jsonl", "--output", os.devnull, "--json"],
                            capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        report = {}
    if result.returncode in (0, 3) and report.get("mapped", 0) > 0:
        return True, ""
    return False, (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[0]


def probe(binary, root, source_format, mapping):
    """Whether this build reads `source_format`, and with `mapping`; (supported, reason).

    First with a minimal mapping (is the source format there at all?), then with the
    benchmark's mapping (does this build understand it?)."""
    folder, _ = ensure_data(root, 2000, ["csv", "xml", "json"])
    location = os.path.join(folder, {"csv": "catalog.csv", "xml": "catalog.xml", "json-pages": "pages"}[source_format])
    work = os.path.join(root, "work", "probe")
    os.makedirs(work, exist_ok=True)
    minimal = os.path.join(work, f"minimal-{source_format}.yml")
    with open(minimal, "w") as f:
        section, fields = PROBE_MAPPINGS[source_format]
        f.write("name: probe\n" + section + "fields:\n" + "".join(
            f"  {field}: {{ from: \"{name}\" }}\n" for field, name in fields.items()))
    ok, message = try_export(binary, write_config(os.path.join(work, f"{source_format}-minimal.yml"), source_format,
                                                  location, minimal))
    if not ok:
        if "not supported" in message:
            return False, "not supported by this build"
        return False, f"a minimal {source_format} mapping fails: {message}"
    ok, message = try_export(binary, write_config(os.path.join(work, f"{source_format}.yml"), source_format,
                                                  location, mapping))
    if not ok:
        return False, f"the format is supported but its mapping fails: {message}"
    return True, ""


def load_products(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            return json.load(f)["data"]["products"]
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def as_google_preset(product, got):
    """The generator's product as the google-merchant-xml preset maps the XML: one
    category path (the feed's first g:product_type; its categories lead the expected list,
    as far as `got` has them, since a second path that extends the first is
    indistinguishable in the list) and <base>/category/<path> URLs."""
    product = json.loads(json.dumps(product))
    chain = product["categories"][:1]
    for category in product["categories"][1:len(got.get("categories") or [])]:
        if category["parent_cid"] != chain[-1]["cid"]:
            break
        chain.append(category)
    for category in chain:
        category["url"] = category["url"].replace("/product-category/", "/category/").rstrip("/")
        category["is_primary"] = False
    if chain:
        chain[-1]["is_primary"] = True
    product["categories"] = chain
    return product


def differences(reference, got):
    """(products compared, how many differ, the fields that differ) apart from times."""
    count = abs(len(reference) - len(got))
    fields = set()
    for r, g in zip(reference, got):
        keys = (set(r) | set(g)) - {"created_at", "updated_at"}
        differing = {k for k in keys if r.get(k) != g.get(k)}
        count += bool(differing)
        fields |= differing
    return len(got), count, fields


def describe(label, reference, got):
    n, count, fields = differences(reference, got)
    return f"{label}: {n} products, " + (f"{count} differ ({', '.join(sorted(fields))})" if count else "all equal")


def agreement_check(binary, root, support, mappings):
    """Maps 2000 generated rows with feedsync and the Python peers, per format, and
    compares them with each other and with the generator's expected products."""
    folder, manifest = ensure_data(root, 2000, ["csv", "xml", "json"])
    work = os.path.join(root, "work", "check")
    os.makedirs(work, exist_ok=True)
    expected = load_products(os.path.join(folder, "catalog.json"))
    lines = []
    inputs = {"csv": "catalog.csv", "xml": "catalog.xml", "json-pages": "pages"}
    for source_format, location in inputs.items():
        out = os.path.join(work, f"python-{source_format}.jsonl")
        subprocess.run([sys.executable, PEER, "--format", source_format, "--base-url", BASE_URL, "--output", out,
                        os.path.join(folder, location)], check=True, stderr=subprocess.DEVNULL)
        python = load_products(out)
        reference = expected
        if source_format == "xml":
            reference = [as_google_preset(e, g) for e, g in zip(expected, python)]
        lines.append(describe(f"python {source_format} vs expected", reference, python))
        if not support.get(source_format, (False,))[0]:
            continue
        config = write_config(os.path.join(work, f"{source_format}.yml"), source_format,
                              os.path.join(folder, location), mappings[source_format])
        out = os.path.join(work, f"feedsync-{source_format}.jsonl")
        if os.path.exists(out):
            os.unlink(out)
        subprocess.run([binary, "export", "--config", config, "--format", "jsonl", "--output", out],
                       stderr=subprocess.DEVNULL)
        if not os.path.exists(out):
            lines.append(f"feedsync {source_format}: export failed")
            continue
        ours = load_products(out)
        lines.append(describe(f"feedsync {source_format} vs expected", reference, ours))
        lines.append(describe(f"python {source_format} vs feedsync", ours, python))
    return f"{manifest['exported']} expected products", lines


# --- Scenarios. ---

def export_scenario(kind, binary, root, rows, args, support, mappings, results):
    source_format = {"csv": "csv", "xml": "xml", "json": "json-pages"}[kind]
    supported, reason = support[source_format]
    if not supported:
        results["notes"].append(f"{kind} export at {size_label(rows)}: skipped: {reason}")
        log(f"{kind} export: skipped: {reason}")
        return
    folder, manifest = ensure_data(root, rows, [{"json-pages": "json"}.get(source_format, source_format)])
    work = os.path.join(root, "work", size_label(rows))
    location = os.path.join(folder, {"csv": "catalog.csv", "xml": "catalog.xml", "json-pages": "pages"}[source_format])
    config = write_config(os.path.join(work, f"export-{kind}.yml"), source_format, location, mappings[source_format])
    feedsync = [binary, "export", "--config", config, "--format", "jsonl", "--output", os.devnull]
    python = [sys.executable, PEER, "--format", source_format, "--base-url", BASE_URL, "--output", os.devnull, location]
    tools = [("feedsync export", feedsync), ("python peer (" + {"csv": "csv module", "xml": "ElementTree iterparse",
                                                                 "json-pages": "json module"}[source_format] + ")", python)]
    if kind == "csv":
        tools.append(("mlr --icsv --ojsonl cat", ["mlr", "--icsv", "--ojsonl", "cat", location]))
    elif kind == "xml":
        tools.append(("xmllint --stream --noout", ["xmllint", "--stream", "--noout", location]))
    else:
        tools.append(("jq -c '.data.products[]'", ["jq", "-c", ".data.products[]"] + page_files(location)))
    warm(location)
    size = input_bytes(location)
    rows_out = []
    for label, argv in tools:
        log(f"{kind} {size_label(rows)}: {label}")
        try:
            run = measure_repeated(argv, args.repeat, log_path=os.path.join(work, f"{kind}-{label.split()[0]}.log"))
        except Failed as error:
            results["notes"].append(f"{kind} {size_label(rows)} {label}: failed: {error}")
            log(f"failed: {error}")
            continue
        run.update(tool=label, mb=size / 1e6, mbps=size / 1e6 / run["wall"] if run["wall"] else float("inf"))
        rows_out.append(run)
    if kind == "json" and rows_out:
        single = os.path.join(folder, "catalog.json")
        config = write_config(os.path.join(work, "export-json-single.yml"), "json-pages", single, mappings["json-pages"])
        warm(single)
        try:
            run = measure_repeated([binary, "export", "--config", config, "--format", "jsonl", "--output", os.devnull],
                                   args.repeat, log_path=os.path.join(work, "json-single.log"))
            run.update(tool="feedsync export (one document)", mb=input_bytes(single) / 1e6,
                       mbps=input_bytes(single) / 1e6 / run["wall"])
            rows_out.append(run)
        except Failed as error:
            results["notes"].append(f"json single document {size_label(rows)}: failed: {error}")
    results["exports"].append({"kind": kind, "rows": rows, "exported": manifest["exported"], "runs": rows_out})


class StandIn:
    """bench/affili_standin.py as a child process on a free loopback port."""

    def __enter__(self):
        self.port_file = tempfile.mktemp(suffix=".port")
        self.process = subprocess.Popen([sys.executable, STANDIN, "--token", TOKEN, "--port-file", self.port_file],
                                        stdout=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists(self.port_file):
                break
            time.sleep(0.05)
        with open(self.port_file) as f:
            self.port = int(f.read())
        self.endpoint = f"http://127.0.0.1:{self.port}/services/products"
        return self

    def stats(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/stats") as answer:
            return json.load(answer)

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait()
        os.unlink(self.port_file)


def state_files(state):
    folder, name = os.path.split(state)
    return [os.path.join(folder, n) for n in os.listdir(folder) if n.startswith(name)] if os.path.isdir(folder) else []


def save_state(state, backup):
    shutil.rmtree(backup, ignore_errors=True)
    os.makedirs(backup)
    for path in state_files(state):
        shutil.copy2(path, backup)


def restore_state(state, backup):
    for path in state_files(state):
        os.unlink(path)
    for name in os.listdir(backup):
        shutil.copy2(os.path.join(backup, name), os.path.join(os.path.dirname(state), name))
    # The copy leaves up to 2.4 GB (1M products) of dirty pages; written back during the
    # measured sync, they would be charged to it. A scheduled sync follows no such copy.
    os.sync()


def read_report(path):
    with open(path) as f:
        return json.loads(f.read() or "{}")


def baseline_store(binary, root, rows, args, results, standin):
    """A state store holding the whole catalog, acknowledged (first sync); measured once."""
    folder, manifest = ensure_data(root, rows, ["csv"])
    work = os.path.join(root, "work", size_label(rows))
    state = os.path.join(work, "state", "state.sqlite")
    backup = os.path.join(work, "state-baseline")
    base_config = write_config(os.path.join(work, "sync-base.yml"), "csv", os.path.join(folder, "catalog.csv"),
                               "woocommerce-csv", state=state, endpoint=standin.endpoint)
    env = dict(os.environ, AFFILI_TOKEN=TOKEN)
    if rows in results["baselines"]:  # filled earlier in this run (sync, then serve)
        return state, backup, base_config, folder, manifest, env
    shutil.rmtree(os.path.dirname(state), ignore_errors=True)
    os.makedirs(os.path.dirname(state))
    before = standin.stats()
    report = os.path.join(work, "sync-first.json")
    log(f"sync {size_label(rows)}: first sync (fills the store)")
    run = measure([binary, "sync", "--config", base_config, "--json"], stdout=report, env=env,
                  log_path=os.path.join(work, "sync-first.log"))
    after = standin.stats()
    save_state(state, backup)
    results["baselines"].append(rows)
    run.update(label="first sync (all new)", requests=after["requests"] - before["requests"],
               products_sent=after["products"] - before["products"], expected=math.ceil(manifest["exported"] / 1000),
               report=read_report(report), mb=input_bytes(os.path.join(folder, "catalog.csv")) / 1e6)
    results["syncs"].append({"rows": rows, **run})
    return state, backup, base_config, folder, manifest, env


def sync_scenario(binary, root, rows, args, results):
    with StandIn() as standin:
        state, backup, base_config, folder, manifest, env = baseline_store(binary, root, rows, args, results, standin)
        work = os.path.join(root, "work", size_label(rows))
        csv_path = os.path.join(folder, "catalog.csv")
        mb = input_bytes(csv_path) / 1e6
        warm(csv_path)

        # The plain export of the same file, for the sync/export ratio (same run, same cache).
        export = next((r for e in results["exports"] if e["kind"] == "csv" and e["rows"] == rows
                       for r in e["runs"] if r["tool"] == "feedsync export"), None)
        if export is None:
            config = write_config(os.path.join(work, "export-csv.yml"), "csv", csv_path, "woocommerce-csv")
            log(f"sync {size_label(rows)}: plain export, for the ratio")
            export = measure_repeated([binary, "export", "--config", config, "--format", "jsonl", "--output", os.devnull],
                                      args.repeat, log_path=os.path.join(work, "export-for-sync.log"))

        changed_folder, changed_manifest = ensure_data(root, rows, ["csv"], CHANGED_PERCENT)
        changed_config = write_config(os.path.join(work, "sync-changed.yml"), "csv",
                                      os.path.join(changed_folder, "catalog.csv"), "woocommerce-csv",
                                      state=state, endpoint=standin.endpoint)
        warm(os.path.join(changed_folder, "catalog.csv"))
        cases = [("no change", base_config, 0, 0),
                 (f"{CHANGED_PERCENT}% changed", changed_config, changed_manifest["changed"],
                  math.ceil(changed_manifest["changed"] / 1000))]
        for label, config, changed, expected in cases:
            log(f"sync {size_label(rows)}: {label}")
            report = os.path.join(work, f"sync-{label.split()[0]}.json")
            counts = []

            def before():
                restore_state(state, backup)
                counts.append(standin.stats())

            run = measure_repeated([binary, "sync", "--config", config, "--json"], args.repeat, before=before,
                                   stdout=report, env=env, log_path=os.path.join(work, f"sync-{label.split()[0]}.log"))
            after = standin.stats()
            requests = after["requests"] - counts[-1]["requests"]
            run.update(label=label, requests=requests, products_sent=after["products"] - counts[-1]["products"],
                       expected=expected, changed_in_file=changed, report=read_report(report), mb=mb,
                       export_wall=export["wall"], ratio_to_export=run["wall"] / export["wall"],
                       cpu_ratio_to_export=run["cpu"] / export["cpu"])
            results["syncs"].append({"rows": rows, **run})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_wrk(text):
    def duration(value):
        number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    result = {"p50_ms": None, "p99_ms": None, "rps": None, "errors": 0, "requests": 0}
    for line in text.splitlines():
        line = line.strip()
        if m := re.match(r"50%\s+(\S+)", line):
            result["p50_ms"] = duration(m.group(1))
        elif m := re.match(r"99%\s+(\S+)", line):
            result["p99_ms"] = duration(m.group(1))
        elif m := re.match(r"Requests/sec:\s+([\d.]+)", line):
            result["rps"] = float(m.group(1))
        elif m := re.match(r"Non-2xx or 3xx responses:\s+(\d+)", line):
            result["errors"] += int(m.group(1))
        elif m := re.match(r"Socket errors:.*?timeout (\d+)", line):
            result["errors"] += int(m.group(1))
        elif m := re.match(r"(\d+) requests in", line):
            result["requests"] = int(m.group(1))
    if not result["requests"]:  # wrk prints zeros when nothing completed
        result.update(p50_ms=None, p99_ms=None, rps=None)
    return result


def percentile(values, fraction):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def sequential_latency(port, query, last, seconds, minimum=5, maximum=2000):
    """One keep-alive connection asking for random pages one after another, for `seconds`
    (and at least `minimum` requests); each latency is until the whole body is read."""
    import http.client
    import random
    rng = random.Random(1)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    latencies, errors = [], 0
    started = time.monotonic()
    while len(latencies) < maximum and (time.monotonic() - started < seconds or len(latencies) < minimum):
        t0 = time.perf_counter()
        connection.request("GET", f"/affili/products?per_page=1000&page={rng.randint(1, last)}{query}")
        answer = connection.getresponse()
        answer.read()
        latencies.append((time.perf_counter() - t0) * 1000)
        errors += answer.status != 200
    connection.close()
    return {"p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99), "max_ms": max(latencies),
            "requests": len(latencies), "rps": len(latencies) / (time.monotonic() - started), "errors": errors}


def serve_scenario(binary, root, rows, args, results):
    with StandIn() as standin:
        state, backup, base_config, folder, manifest, env = baseline_store(binary, root, rows, args, results, standin)
    restore_state(state, backup)
    work = os.path.join(root, "work", size_label(rows))
    port = free_port()
    log(f"serve {size_label(rows)}: starting on port {port}")
    with open(os.path.join(work, "serve.log"), "w") as serve_log:
        server = subprocess.Popen([binary, "serve", "--config", base_config, "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=serve_log, stderr=serve_log, env=env)
    base = f"http://127.0.0.1:{port}"
    connections = args.connections
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1):
                    break
            except OSError:
                if server.poll() is not None:
                    raise Failed(f"serve exited {server.returncode}; see {work}/serve.log")
                time.sleep(0.1)
        for label, query in SERVE_QUERIES:
            t0 = time.perf_counter()
            with urllib.request.urlopen(f"{base}/affili/products?per_page=1000&page=1{query}", timeout=600) as answer:
                meta = json.load(answer)["meta"]["page"]
            first_ms = (time.perf_counter() - t0) * 1000
            last = meta["last"]
            entry = {"rows": rows, "query": label, "matching": meta["total"], "pages": last, "first_ms": first_ms}
            log(f"serve {size_label(rows)}: {label}: one connection, {args.duration}s (first page {first_ms:.0f} ms)")
            entry["single"] = sequential_latency(port, query, last, args.duration)
            # Long enough for every connection to finish a few requests at the measured latency.
            seconds = min(120, max(args.duration, math.ceil(3 * entry["single"]["p50_ms"] / 1000 * connections / 2)))
            log(f"serve {size_label(rows)}: {label}: wrk, {connections} connections, {seconds}s")
            out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "120s", "--latency",
                                  "-s", WRK_SCRIPT, base, "--", str(last), query],
                                 capture_output=True, text=True, check=True).stdout
            with open(os.path.join(work, f"wrk-{label.split()[0]}.txt"), "w") as f:
                f.write(out)
            entry["concurrent"] = parse_wrk(out)
            entry["concurrent"]["seconds"] = seconds
            results["serve"].append(entry)
        with open(f"/proc/{server.pid}/status") as f:
            hwm = next((int(line.split()[1]) for line in f if line.startswith("VmHWM")), 0)
        results["serve_rss_mb"][rows] = hwm / 1024
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- Report. ---

def fmt(value, digits=2):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def markdown(results):
    m = results["machine"]
    out = [f"### Run of {m['date']}", "",
           f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB memory, Linux {m['kernel']}; "
           f"feedsync {m['commit']}; load average {m['load_start'][0]:.2f} at the start, "
           f"{m['load_end'][0]:.2f} at the end. Median of {results['repeat']} run(s) per command.", ""]
    if results["check"]:
        out += [f"Agreement check ({results['check'][0]}): " + "; ".join(results["check"][1]) + ".", ""]
    if results["exports"]:
        out += ["| scenario | products | tool | input MB | wall s | CPU s | peak RSS MB | MB/s | speed feedsync/peer | RSS feedsync/peer |",
                "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
        for export in results["exports"]:
            runs = export["runs"]
            ours = next((r for r in runs if r["tool"] == "feedsync export"), None)
            for r in runs:
                is_peer = ours is not None and not r["tool"].startswith("feedsync")
                speed = f"{ours['mbps'] / r['mbps']:.2f}×" if is_peer else ""
                rss = f"{ours['rss_mb'] / r['rss_mb']:.2f}×" if is_peer else ""
                out.append(f"| {export['kind']} → JSONL | {size_label(export['rows'])} | {r['tool']} | {r['mb']:.0f} | "
                           f"{r['wall']:.2f} | {r['cpu']:.2f} | {r['rss_mb']:.0f} | {r['mbps']:.1f} | {speed} | {rss} |")
        out.append("")
    if results["syncs"]:
        out += ["| sync | products | wall s | CPU s | peak RSS MB | requests | expected requests | products sent | "
                "changed (report) | sync/export wall | sync/export CPU |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for s in results["syncs"]:
            ratio = f"{s['ratio_to_export']:.2f}× | {s['cpu_ratio_to_export']:.2f}×" if "ratio_to_export" in s else " | "
            out.append(f"| {s['label']} | {size_label(s['rows'])} | {s['wall']:.2f} | {s['cpu']:.2f} | {s['rss_mb']:.0f} | "
                       f"{s['requests']} | {s['expected']} | {s['products_sent']} | {s['report'].get('changed', '–')} | {ratio} |")
        out.append("")
    if results["serve"]:
        c = results["connections"]
        out += [f"| serve, 1000-product pages | products | matching | first page ms | p50 ms | p99 ms | requests | "
                f"req/s ({c} conn) | p50 ms ({c} conn) | p99 ms ({c} conn) | errors |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for s in results["serve"]:
            a, b = s["single"], s["concurrent"]
            rps = fmt(b["rps"], 1) if b["requests"] else f"none in {b['seconds']} s"
            out.append(f"| {s['query']} | {size_label(s['rows'])} | {s['matching']} | {s['first_ms']:.0f} | "
                       f"{fmt(a['p50_ms'], 1)} | {fmt(a['p99_ms'], 1)} | {a['requests']} | {rps} | {fmt(b['p50_ms'], 1)} | "
                       f"{fmt(b['p99_ms'], 1)} | {a['errors'] + b['errors']} |")
        out.append("")
        out.append("p50/p99 and requests: one keep-alive connection asking for random pages in turn "
                   "(Python client, whole body read); the last three columns: wrk with "
                   f"{c} connections.")
        for rows, rss in results["serve_rss_mb"].items():
            out.append(f"`serve` peak RSS at {size_label(rows)} products: {rss:.0f} MB.")
        out.append("")
    for note in results["notes"]:
        out.append(f"- {note}")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="the release feedsync binary")
    parser.add_argument("--size", default="100k", help="catalog sizes in rows, comma-separated: 100k, 1m, 25000")
    parser.add_argument("--only", default=",".join(SCENARIOS), help="scenarios, comma-separated: " + ", ".join(SCENARIOS))
    parser.add_argument("--quick", action="store_true", help="a smoke run: 10k rows, short serve runs")
    parser.add_argument("--repeat", type=int, default=1, help="runs per command; the median is reported (default 1)")
    parser.add_argument("--duration", type=int, default=10,
                        help="seconds per serve measurement (default 10; 3 with --quick)")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections for serve throughput (default 4)")
    parser.add_argument("--data", default=os.path.join(REPO, ".bench-data"), help="data and work folder (default .bench-data)")
    parser.add_argument("--xml-mapping", default="google-merchant-xml",
                        help="the XML source's mapping: a preset name or a file (default google-merchant-xml)")
    parser.add_argument("--json-mapping", default="affili-webhook-json",
                        help="the JSON pages' mapping: a preset name or a file (default affili-webhook-json)")
    args = parser.parse_args()

    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(only) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    sizes = [10_000] if args.quick else [parse_size(s) for s in args.size.split(",")]
    if args.quick and "--duration" not in sys.argv:
        args.duration = 3
    root = os.path.abspath(args.data)
    os.makedirs(root, exist_ok=True)
    binary = os.path.abspath(args.bin)
    mappings = {"csv": "woocommerce-csv", "xml": args.xml_mapping, "json-pages": args.json_mapping}

    results = {"machine": machine_info(), "repeat": args.repeat, "connections": args.connections, "exports": [], "syncs": [], "serve": [],
               "serve_rss_mb": {}, "notes": [], "check": None, "baselines": []}
    support = {"csv": (True, "")}
    for source_format in ("xml", "json-pages"):
        support[source_format] = probe(binary, root, source_format, mappings[source_format])
        log(f"format {source_format}: " + ("supported" if support[source_format][0] else support[source_format][1]))
    results["check"] = agreement_check(binary, root, support, mappings)
    log("agreement check: " + "; ".join(results["check"][1]))

    for rows in sizes:
        # Every format this run needs, generated at once (one pass over the catalog).
        formats = {"csv"} if {"csv", "sync", "serve"} & set(only) else set()
        formats |= {"xml"} if "xml" in only and support["xml"][0] else set()
        formats |= {"json"} if "json" in only and support["json-pages"][0] else set()
        if formats:
            ensure_data(root, rows, sorted(formats))
        for scenario in only:
            try:
                if scenario in ("csv", "xml", "json"):
                    export_scenario(scenario, binary, root, rows, args, support, mappings, results)
                elif scenario == "sync":
                    sync_scenario(binary, root, rows, args, results)
                elif scenario == "serve":
                    serve_scenario(binary, root, rows, args, results)
            except (Failed, subprocess.CalledProcessError) as error:
                results["notes"].append(f"{scenario} at {size_label(rows)}: failed: {error}")
                log(f"{scenario} at {size_label(rows)} failed: {error}")
    results["machine"]["load_end"] = os.getloadavg()

    text = markdown(results)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    os.makedirs(os.path.join(root, "results"), exist_ok=True)
    base = os.path.join(root, "results", f"{stamp}-{'-'.join(size_label(s) for s in sizes)}")
    with open(base + ".md", "w") as f:
        f.write(text)
    with open(base + ".json", "w") as f:
        json.dump(results, f, indent=2, default=str)
    print(text)
    log(f"results saved to {base}.md and .json")


if __name__ == "__main__":
    main()
