/**
 * The Jupyter-free evaluation core: a JShell session that runs notebook cells in-process.
 *
 * <p>Shared by the Jupyter adapter and the grader, so a cell is evaluated the same way in both:
 *
 * <pre>{@code
 * try (Engine engine = Engine.create(EngineConfig.defaults())) {
 *   EvalResult result = engine.eval("int x = 6;\nx * 7");
 *   result.value();              // Optional[42]
 *   engine.eval("1 / 0").error(); // ename java.lang.ArithmeticException, line 1
 * }
 * }</pre>
 */
package org.txlab.kernel.engine;
