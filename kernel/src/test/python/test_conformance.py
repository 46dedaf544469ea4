"""Jupyter's own kernel test suite (jupyter_kernel_test) against the installed txlab-java kernel.

Run by KernelConformanceIT with Debian's python3 and python3-jupyter-kernel-test:

    JUPYTER_PATH=PREFIX/share/jupyter /usr/bin/python3 -m unittest -v test_conformance

PREFIX holds two kernelspecs: 'txlab-java' (as installed) and 'txlab-java-no-jshell', the same
kernel on a Java runtime without the jdk.jshell module, whose engine therefore cannot start.
jupyter_kernel_test validates every message it reads against the messaging spec's schemas; the
samples below cover every feature the kernel has. What 0.4.5's KernelTests does not cover
(interrupt, comm_info, shutdown, a kernel whose engine failed) is tested here the same way: each
reply validated with its validate_message.
"""
import time
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel
from jupyter_kernel_test.msgspec_v5 import validate_message

TIMEOUT = 30
KERNEL = "txlab-java"
NO_JSHELL = "txlab-java-no-jshell"


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The reply to one request; replies to earlier requests are skipped."""
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def control_request(kc, msg_type, content=None):
    """Sends a request on the control channel and returns its reply."""
    msg = kc.session.msg(msg_type, content or {})
    kc.control_channel.send(msg)
    while True:
        reply = kc.get_control_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return reply


def iopub_until_idle(kc, msg_id):
    """Every IOPub message of one request (validated), up to its idle status."""
    msgs = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        validate_message(msg)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return msgs


class TxLabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    # Cell output as values: the last expression's plain text, a list of records as a table.
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": 'String.join("-", "a", "b")', "result": "a-b"},
        {"code": 'record Item(String name, int qty) {}\nList.of(new Item("pen", 2))',
         "mime": "text/html"},
    ]
    code_display_data = [
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display(markdown("# Title"));', "mime": "text/markdown"},
        {"code": "display(new java.awt.image.BufferedImage(2, 2,"
                 " java.awt.image.BufferedImage.TYPE_INT_RGB));", "mime": "image/png"},
        {"code": 'try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {\n'
                 '  display(c.createStatement().executeQuery("select 1 as one"));\n}',
         "mime": "text/html"},
    ]
    code_clear_output = 'System.out.println("gone");\nclearOutput();\nSystem.out.println("kept");'
    # Exactly one output message: the error (no stream before it).
    code_generate_error = "int zero = 0;\nint boom = 1 / zero;"

    completion_samples = [
        {"text": "Math.fl", "matches": {"floor(", "floorDiv(", "floorMod("}},
        {"text": "Syst", "matches": {"System"}},
    ]
    complete_code_samples = ["int x = 1;", "1 + 1", 'System.out.println("x");',
                             "class A {}", "%classpath foo.jar", ""]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y =", "/* comment"]
    invalid_code_samples = ["int x = ;", "}", '"unterminated']

    code_inspect_sample = "Math.max"

    # History is kept for the kernel's own session, in memory (see History.java).
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6*7"

    def execute_helper(self, code, timeout=TIMEOUT, silent=False, store_history=True,
                       stop_on_error=True):
        """KernelTests.execute_helper, with the same checks, but waiting up to TIMEOUT seconds for
        each IOPub message: 0.4.5 allows 0.1 s, which a busy machine can exceed between the
        reply and the idle status (the kernel sends idle right after the reply, as ipykernel
        does)."""
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history,
                                 stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        busy_msg = self.kc.get_iopub_msg(timeout=timeout)
        validate_message(busy_msg, "status", msg_id)
        self.assertEqual(busy_msg["content"]["execution_state"], "busy")
        output_msgs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                self.assertEqual(msg["content"]["execution_state"], "idle")
                break
            elif msg["msg_type"] == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
                continue
            output_msgs.append(msg)
        return reply, output_msgs

    # What 0.4.5 does not check, in its style.

    def test_kernel_info_is_complete(self):
        self.flush_channels()
        reply = shell_reply(self.kc, self.kc.kernel_info())
        validate_message(reply, "kernel_info_reply")
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["protocol_version"], "5.3")
        self.assertFalse(content["debugger"])
        self.assertEqual(content["language_info"]["mimetype"], "text/x-java-source")

    def test_execute_result_counts_executions(self):
        self.flush_channels()
        first, _ = self.execute_helper("1")
        second, outputs = self.execute_helper("2")
        self.assertEqual(second["content"]["execution_count"],
                         first["content"]["execution_count"] + 1)
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["execution_count"],
                         second["content"]["execution_count"])

    def test_silent_execution_shows_no_result_and_keeps_the_count(self):
        self.flush_channels()
        before, _ = self.execute_helper("10")
        reply, outputs = self.execute_helper("20", silent=True)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m for m in outputs if m["msg_type"] == "execute_result"], [])
        after, _ = self.execute_helper("30")
        self.assertEqual(after["content"]["execution_count"],
                         before["content"]["execution_count"] + 1)

    def test_clear_output_leaves_only_what_followed(self):
        self.flush_channels()
        _, outputs = self.execute_helper(self.code_clear_output)
        kinds = [(m["msg_type"], m["content"].get("text", "").strip()) for m in outputs]
        self.assertEqual(kinds, [("stream", "gone"), ("clear_output", ""), ("stream", "kept")])
        self.assertFalse(outputs[1]["content"]["wait"])

    def test_compile_error_is_an_error_reply(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('String s = 42;')
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CompilationError")
        self.assertEqual([m["msg_type"] for m in outputs], ["error"])

    def test_inspect_with_detail_and_nothing_found(self):
        self.flush_channels()
        reply = shell_reply(self.kc, self.kc.inspect("String.valueOf", detail_level=1))
        validate_message(reply, "inspect_reply")
        self.assertTrue(reply["content"]["found"])
        self.assertIn("String.valueOf", reply["content"]["data"]["text/plain"])
        reply = shell_reply(self.kc, self.kc.inspect("   "))
        validate_message(reply, "inspect_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertFalse(reply["content"]["found"])

    def test_history_of_another_session_is_empty(self):
        self.flush_channels()
        msg_id = self.kc.history(hist_access_type="range", session=-1, start=1, stop=10,
                                 output=False, raw=True)
        reply = shell_reply(self.kc, msg_id)
        validate_message(reply, "history_reply", msg_id)
        self.assertEqual(reply["content"]["history"], [])

    def test_comm_info(self):
        self.flush_channels()
        msg_id = self.kc.comm_info()
        reply = shell_reply(self.kc, msg_id)
        validate_message(reply, "comm_info_reply", msg_id)
        self.assertEqual(reply["content"]["comms"], {})

    def test_interrupt_stops_a_runaway_cell_and_the_kernel_answers_again(self):
        self.flush_channels()
        msg_id = self.kc.execute('System.out.println("started");\nwhile (true) {}')
        # Interrupt once the loop is running (its first output says so).
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            validate_message(msg)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                break
        interrupt = control_request(self.kc, "interrupt_request")
        validate_message(interrupt, "interrupt_reply")
        self.assertEqual(interrupt["content"]["status"], "ok")
        reply = shell_reply(self.kc, msg_id)
        validate_message(reply, "execute_reply", msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CellInterrupted")
        outputs = iopub_until_idle(self.kc, msg_id)
        self.assertIn("error", [m["msg_type"] for m in outputs])
        reply, outputs = self.execute_helper("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m["content"]["data"]["text/plain"] for m in outputs
                          if m["msg_type"] == "execute_result"], ["2"])

    def test_unknown_requests_leave_the_kernel_serving(self):
        self.flush_channels()
        msg = self.kc.session.msg("no_such_request", {})
        self.kc.shell_channel.send(msg)
        reply, _ = self.execute_helper("3")
        self.assertEqual(reply["content"]["status"], "ok")


class ShutdownTests(unittest.TestCase):
    """shutdown_reply is spec-valid and the kernel process then ends by itself."""

    def test_shutdown_reply_and_exit(self):
        km, kc = start_new_kernel(kernel_name=KERNEL)
        try:
            reply = control_request(kc, "shutdown_request", {"restart": False})
            validate_message(reply, "shutdown_reply")
            self.assertEqual(reply["content"], {"status": "ok", "restart": False})
            process = km.provisioner.process
            deadline = time.monotonic() + TIMEOUT
            while process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)  # polling the child's exit, bounded by TIMEOUT
            self.assertIsNotNone(process.poll(), "the kernel process is still running")
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)


class EngineStartupFailedTests(unittest.TestCase):
    """A kernel whose JShell engine cannot start still answers every request, with an error."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=NO_JSHELL)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def assertStartupError(self, reply, msg_type):
        validate_message(reply, msg_type)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KernelStartupFailed")
        self.assertTrue(reply["content"]["evalue"].startswith("[STARTUP] "))
        self.assertIn("jdk.jshell", reply["content"]["evalue"])

    def test_kernel_info_still_answers(self):
        reply = shell_reply(self.kc, self.kc.kernel_info())
        validate_message(reply, "kernel_info_reply")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_complete_answers_with_an_error(self):
        self.assertStartupError(shell_reply(self.kc, self.kc.complete("Math.fl")),
                                "complete_reply")

    def test_inspect_answers_with_an_error(self):
        self.assertStartupError(shell_reply(self.kc, self.kc.inspect("Math.max")),
                                "inspect_reply")

    def test_is_complete_answers_unknown(self):
        # is_complete_reply has no error form in the spec; "unknown" is its way to say so.
        reply = shell_reply(self.kc, self.kc.is_complete("int x = 1;"))
        validate_message(reply, "is_complete_reply")
        self.assertEqual(reply["content"]["status"], "unknown")

    def test_execute_answers_with_an_error(self):
        msg_id = self.kc.execute("1 + 1")
        self.assertStartupError(shell_reply(self.kc, msg_id), "execute_reply")
        errors = [m for m in iopub_until_idle(self.kc, msg_id) if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("[STARTUP]", errors[0]["content"]["evalue"])

    def test_interrupt_answers(self):
        reply = control_request(self.kc, "interrupt_request")
        validate_message(reply, "interrupt_reply")
        self.assertEqual(reply["content"]["status"], "ok")


if __name__ == "__main__":
    unittest.main()
