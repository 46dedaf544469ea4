/**
 * Turning what students hand in (folders, zips, notebooks, loose {@code .java} files, an LMS bulk
 * download) into one source folder per student, without ever writing outside the work directory.
 */
package org.txlab.grader.intake;
