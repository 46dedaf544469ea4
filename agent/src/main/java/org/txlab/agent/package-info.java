/**
 * The submission side of grading: {@link org.txlab.agent.Agent} runs in the sandboxed submission
 * JVM, loads the student's classes (compiled sources, or notebook cells evaluated by the kernel's
 * engine), and on the judge's commands constructs them, calls them under fault plans and reports
 * what they returned or threw and what their JDBC statements did. It decides nothing: the judge
 * treats every byte it sends as hostile data and checks the database itself.
 */
package org.txlab.agent;
