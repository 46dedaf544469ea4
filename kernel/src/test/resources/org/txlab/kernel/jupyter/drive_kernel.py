"""Drives the installed txlab-java kernel through jupyter_client and prints one JSON report.

Usage: /usr/bin/python3 drive_kernel.py KERNEL_NAME WORK_DIR
Run with Debian's python3: it has jupyter_client. Every scenario records what the kernel sent;
KernelIT asserts on the report. Times are reported for information only.
"""
import json
import os
import sys
import time

from jupyter_client import KernelManager

TIMEOUT = 60


def collect(kc, msg_id, until_stream=None):
    """Reads IOPub messages of one request until the kernel is idle again."""
    out = {"streams": {}, "results": [], "displays": [], "errors": []}
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "stream":
            out["streams"][content["name"]] = out["streams"].get(content["name"], "") + content["text"]
            if until_stream and until_stream in out["streams"].get("stdout", ""):
                return out
        elif kind == "execute_result":
            out["results"].append(content["data"])
        elif kind == "display_data":
            out["displays"].append(content["data"])
        elif kind == "error":
            out["errors"].append({k: content[k] for k in ("ename", "evalue", "traceback")})
        elif kind == "status" and content["execution_state"] == "idle":
            return out


def shell_reply(kc, msg_id):
    while True:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def execute(kc, code):
    msg_id = kc.execute(code)
    out = collect(kc, msg_id)
    out["reply"] = {k: v for k, v in shell_reply(kc, msg_id).items() if k in ("status", "ename", "evalue")}
    return out


def interrupt(km, kc, code):
    msg_id = kc.execute(code)
    started = collect(kc, msg_id, until_stream="started")
    t0 = time.monotonic()
    km.interrupt_kernel()
    rest = collect(kc, msg_id)
    latency = time.monotonic() - t0
    reply = shell_reply(kc, msg_id)
    return {"errors": rest["errors"], "status": reply["status"], "latency_s": latency,
            "started": "started" in started["streams"].get("stdout", "")}


def main():
    name, work = sys.argv[1], sys.argv[2]
    report = {}
    km = KernelManager(kernel_name=name)
    try:
        run(km, work, report)
    finally:
        if km.has_kernel and km.is_alive():
            km.shutdown_kernel(now=True)
        print(json.dumps(report))


def run(km, work, report):
    t0 = time.monotonic()
    km.start_kernel(cwd=work)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    report["kernel_info"] = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]["language_info"]["name"]
    report["value"] = execute(kc, "int x = 6;\nx * 7")
    report["startup_to_first_result_s"] = time.monotonic() - t0
    report["streams"] = execute(kc, 'System.out.println("to out");\nSystem.err.println("to err");')
    report["display"] = execute(kc, 'display(html("<b>bold</b>"));\ndisplay(markdown("# T"));')
    report["table"] = execute(
        kc,
        'try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {\n'
        '  c.createStatement().execute("create table t(name text)");\n'
        "  c.createStatement().execute(\"insert into t values ('pen')\");\n"
        '  display(c.createStatement().executeQuery("select name from t"));\n'
        "}")
    report["runtime_error"] = execute(kc, "int zero = 0;\nint boom = 1 / zero;")
    report["compile_error"] = execute(kc, "int fine = 1;\nString s = 42;")
    report["interrupt_busy"] = interrupt(
        km, kc, 'System.out.println("started");\nlong n = 0;\nwhile (true) { n++; }')
    report["interrupt_swallowing"] = interrupt(
        km, kc,
        'System.out.println("started");\nwhile (true) {\n'
        "  try { Thread.sleep(5); } catch (InterruptedException e) { }\n}")
    report["alive_after_interrupts"] = execute(kc, "1 + 1")
    execute(kc, 'String greeting = "hi";')
    code = "int unused = 0;\ngreeting.toUpp"
    report["complete"] = kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
    report["is_complete_incomplete"] = shell_reply(
        kc, kc.is_complete("for (int i = 0; i < 3; i++) {"))["status"]
    report["is_complete_complete"] = shell_reply(kc, kc.is_complete("int y = 1;"))["status"]
    with open(os.path.join(work, "helpers.jsh"), "w") as f:
        f.write("int triple(int v) {\n  return 3 * v;\n}\n")
    report["magic_load"] = execute(kc, "%load helpers.jsh\ntriple(14)")
    report["system_exit"] = execute(kc, "System.exit(2);")
    report["alive_after_exit"] = execute(kc, '"still here"')
    kc.stop_channels()
    t0 = time.monotonic()
    km.shutdown_kernel(now=False)
    report["shutdown_s"] = time.monotonic() - t0
    report["alive_after_shutdown"] = km.is_alive()


if __name__ == "__main__":
    main()
