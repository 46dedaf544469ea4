/** TxLab's grader: hidden tests, and the tools that run them against submissions. */
package org.txlab.grader;
