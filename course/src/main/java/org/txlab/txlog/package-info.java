/**
 * The txlog exercise's student-facing API: a tiny transactional store over flat files, built on a
 * {@link org.txlab.txlog.Disk} whose crash behaviour is stated plainly.
 *
 * <p>An implementation of {@link org.txlab.txlog.Store} takes a {@link org.txlab.txlog.Disk} in its
 * constructor; {@link org.txlab.txlog.Store#recover()} is called once, right after it, and must
 * bring back every transaction whose {@link org.txlab.txlog.Transaction#commit()} returned, and no
 * part of any other. The notebook uses a real directory ({@code org.txlab.course.txlog.RealDisk});
 * the grader records every call on a model of a disk and crashes it at every one of them.
 */
package org.txlab.txlog;
