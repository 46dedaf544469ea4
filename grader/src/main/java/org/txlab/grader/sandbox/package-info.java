/**
 * The sandbox submission JVMs run in: bubblewrap as a distinct unprivileged uid per concurrent slot
 * (own PID, network, IPC, UTS and user namespaces, no further user namespaces), cgroup limits on
 * tasks and memory where the machine allows, a size-capped scratch directory and {@code /tmp},
 * rlimits, and the JVM's own heap cap. Every knob lives in {@link
 * org.txlab.grader.sandbox.SandboxConfig}.
 */
package org.txlab.grader.sandbox;
