/**
 * Fault plans: where, in one call of the code under test, a fault strikes and what it does. The
 * JDBC proxy ({@link org.txlab.course.jdbc.InstrumentedSource}) carries them out at statement
 * boundaries; the grader and the notebooks' self-checks write the plans.
 */
package org.txlab.course.faults;
