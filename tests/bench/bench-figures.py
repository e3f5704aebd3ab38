#!/usr/bin/env python3
"""The figures of application-bench-run.sh, scim-bench-run.sh and ldap-bench-run.sh, written to OUT and printed.

    bench-figures.py WORK OUT READ_MS CURL_READ_MS APPLY_MS CURL_APPLY_MS READ_KIB APPLY_KIB \\
                     READ_RUNS CURL_READ_RUNS APPLY_RUNS CURL_APPLY_RUNS

The times are medians in ms (0: the phase was left out), the runs space-separated; WORK holds the
last run's bench_application answers, read.json and apply.json. USERSYNC_BENCH_SCIM_OPTIONS, when
set, is recorded as what the server announced for the apply; USERSYNC_BENCH_BASELINE as the tools
the curl* figures are of (ldap-bench: ldapsearch and ldapmodify).
"""

import json
import os
import sys

work, out = sys.argv[1:3]
read_ms, curl_read_ms, apply_ms, curl_apply_ms, read_kib, apply_kib = map(int, sys.argv[3:9])
runs = [[int(ms) for ms in arg.split()] for arg in sys.argv[9:13]]
figures = {}
if read_ms:
    read = json.load(open(f"{work}/read.json"))
    figures.update({
        "users": read["users"], "groups": read["groups"], "memberships": read["memberships"],
        "readMs": read_ms, "curlReadMs": curl_read_ms, "readRatio": round(read_ms / curl_read_ms, 2),
        "readPeakKiB": read_kib, "readRuns": runs[0], "curlReadRuns": runs[1],
    })
if apply_ms:
    apply = json.load(open(f"{work}/apply.json"))
    figures.update({
        "applyChanges": apply["changes"], "applyStatus": apply["status"], "applyFailed": apply["failed"],
        "applyMs": apply_ms, "curlApplyMs": curl_apply_ms, "applyRatio": round(apply_ms / curl_apply_ms, 2),
        "applyPeakKiB": apply_kib, "applyRuns": runs[2], "curlApplyRuns": runs[3],
    })
    if "USERSYNC_BENCH_BASELINE" in os.environ:
        figures["baseline"] = os.environ["USERSYNC_BENCH_BASELINE"]  # what the curl* figures ran
    if "USERSYNC_BENCH_SCIM_OPTIONS" in os.environ:
        figures["applyOptions"] = os.environ["USERSYNC_BENCH_SCIM_OPTIONS"]
json.dump(figures, open(out, "w"), indent=2)
print(json.dumps(figures, indent=2))
