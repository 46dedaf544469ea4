"""One timed session with a Jupyter kernel, for bench/kernel.sh; prints one JSON line.

    kernel_session.py KERNEL             first result, interrupt, shutdown (seconds)
    kernel_session.py KERNEL NOTEBOOK    RSS (MB) of the kernel's process tree after NOTEBOOK,
                                         and the notebook's run time (seconds)

Measures: process start -> first execute_result; interrupt latency of a busy loop (interrupt
sent -> the kernel is idle again); shutdown (shutdown_request sent -> process gone). With a
notebook: every code cell executed in order, as nbclient does, then the sum of VmRSS of the
kernel process and its descendants, read from /proc before shutdown.
Run with Debian's /usr/bin/python3 (it has jupyter_client).
"""
import json
import os
import sys
import time

from jupyter_client import KernelManager

BUSY = {
    "txlab-java": 'System.out.println("started");\nlong n = 0;\nwhile (true) { n++; }',
    "python3": 'print("started", flush=True)\nn = 0\nwhile True:\n    n += 1',
}


def wait_idle(kc, msg_id, until_stream=None, want_result=False):
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if until_stream and kind == "stream" and until_stream in content["text"]:
            return
        if want_result and kind == "execute_result":
            return
        if kind == "status" and content["execution_state"] == "idle":
            return


def tree_rss_mb(pid):
    """Sum of VmRSS of pid and all its descendants, in MB (10^6 bytes)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry))
    total_kb, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
        except OSError:
            pass
    return total_kb * 1024 / 1e6


def rss_after(name, notebook):
    with open(notebook) as f:
        cells = [c for c in json.load(f)["cells"] if c["cell_type"] == "code"]
    km = KernelManager(kernel_name=name)
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(notebook)))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        t0 = time.monotonic()
        for cell in cells:
            source = "".join(cell["source"])
            kc.execute_interactive(source, timeout=300, output_hook=lambda msg: None)
        seconds = time.monotonic() - t0
        rss = tree_rss_mb(km.provisioner.process.pid)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps({"rss_mb": rss, "notebook_s": seconds}))


def main():
    name = sys.argv[1]
    if len(sys.argv) > 2:
        rss_after(name, sys.argv[2])
        return
    km = KernelManager(kernel_name=name)
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        # As nbclient does: kernel_info until answered, so IOPub is subscribed before executing.
        kc.wait_for_ready(timeout=60)
        msg_id = kc.execute("1 + 1")
        wait_idle(kc, msg_id, want_result=True)
        first = time.monotonic() - t0
        wait_idle(kc, msg_id)

        msg_id = kc.execute(BUSY[name])
        wait_idle(kc, msg_id, until_stream="started")
        t1 = time.monotonic()
        km.interrupt_kernel()
        wait_idle(kc, msg_id)
        interrupt = time.monotonic() - t1

        proc = km.provisioner.process
        t2 = time.monotonic()
        kc.shutdown()
        while proc.poll() is None:
            time.sleep(0.002)  # polling the child's exit; the 2 ms granularity bounds the error
        shutdown = time.monotonic() - t2
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
    print(json.dumps({"first_result": first, "interrupt": interrupt, "shutdown": shutdown}))


if __name__ == "__main__":
    main()
