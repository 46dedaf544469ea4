/**
 * Child processes, one mechanism for all of them: the line codec their protocols use, a reader that
 * caps what a child can make its parent hold, the launch of a JVM, and the kill of a whole process
 * tree. The course's {@link org.txlab.course.ChildJvm} and the grader's sandboxed submission JVMs
 * are both built on it.
 */
package org.txlab.course.process;
