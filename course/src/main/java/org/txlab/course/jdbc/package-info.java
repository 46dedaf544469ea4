/**
 * A JDBC proxy that watches what code does with its connections and carries out fault plans: it
 * numbers every operation of a call, records each one's effect on the database as SQLite reports it
 * (rows changed per table, commits and rollbacks, from sqlite-jdbc's update and commit hooks, never
 * from the SQL's spelling), the durability settings in force at every commit, connections left open
 * and waits for locks; it fails, pauses or parks a call at a statement boundary on request. For
 * example, in a notebook:
 *
 * <pre>{@code
 * InstrumentedSource db = new InstrumentedSource(Shop.source(file), Controller.NONE);
 * try (CallScope call = db.call("placeOrder", FaultPlan.failing(3))) {
 *   service.placeOrder(1, 1, 1);
 * } catch (SQLException expected) {
 *   // statement #3 failed as planned
 * }
 * }</pre>
 */
package org.txlab.course.jdbc;
