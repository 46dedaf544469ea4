/**
 * The course library: what notebooks, exercises and tests share.
 *
 * <p>{@link org.txlab.course.Shop} creates the lesson's database, {@link
 * org.txlab.course.FlatFileShop} is the naive flat-file store, {@link org.txlab.course.ChildJvm}
 * and {@link org.txlab.course.Race} run scenarios in real child processes and kill them at named
 * points, and {@link org.txlab.course.Tables} shows rows as text or HTML. For example, in a
 * notebook:
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
