/** Installs and removes the {@code txlab-java} kernelspec, with an AppCDS archive. */
package org.txlab.kernel.install;
