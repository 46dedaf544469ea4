/**
 * Student sources: compiling them against the course library, finding the class under test, and
 * turning reference solutions into starters.
 */
package org.txlab.grader.sources;
