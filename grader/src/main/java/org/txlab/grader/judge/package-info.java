/**
 * The judge's side of a submission: the sandboxed submission JVMs it drives (each running {@link
 * org.txlab.agent.Agent}), the calls it makes into them, their deadlines, and how a JVM's death is
 * explained. Everything a submission JVM says is treated as hostile data: bounded, parsed
 * defensively, never executed, never a verdict.
 */
package org.txlab.grader.judge;
