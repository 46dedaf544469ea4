/**
 * The course library: what notebooks, exercises and tests share.
 *
 * <p>{@link org.txlab.course.Shop} creates the lesson's database, {@link
 * org.txlab.course.FlatFileShop} is the naive flat-file store, {@link org.txlab.course.ChildJvm}
 * and {@link org.txlab.course.Race} run scenarios in real child processes and kill them at named
 * points, and {@link org.txlab.course.Tables} shows rows as text or HTML. {@link
 * org.txlab.course.SelfCheck} runs an exercise's public checks (faults at every statement, a rival
 * at every boundary, a real SIGKILL) and {@link org.txlab.course.Interleaving} races two calls of
 * the student's code the same way every time; {@link org.txlab.course.Scratch} gives folders
 * deleted at exit, {@link org.txlab.course.Timeline} and {@link org.txlab.course.Charts} draw
 * timelines and measurements, {@link org.txlab.course.Bench} summarises repeated runs, {@link
 * org.txlab.course.Attempt} shows an outcome on one line, {@link org.txlab.course.Connections}
 * names connections so re-run cells release their locks, {@link org.txlab.course.Fsyncs} counts
 * fsyncs per commit. For example, in a notebook:
 *
 * <pre>{@code
 * Path db = Files.createTempDirectory("shop").resolve("shop.db");
 * Shop.create(db);
 * try (Connection c = Shop.source(db).open();
 *     ResultSet rs = c.createStatement().executeQuery("SELECT * FROM products")) {
 *   System.out.println(Tables.text(rs));
 * }
 * }</pre>
 */
package org.txlab.course;
