/** Hidden tests, one sub-package per exercise, and their student-facing feedback. */
package org.txlab.grader.hidden;
