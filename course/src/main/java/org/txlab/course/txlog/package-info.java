/**
 * The txlog exercise's disks: a real one over a folder ({@link org.txlab.course.txlog.RealDisk}), a
 * recording model of one ({@link org.txlab.course.txlog.RecordingDisk}), and the crash images a
 * recorded run can leave ({@link org.txlab.course.txlog.CrashImages}), which the notebook draws,
 * the self-check and the grader recover from.
 */
package org.txlab.course.txlog;
