/** The JShell engine behind {@link org.txlab.kernel.engine.Engine}: in-process execution. */
package org.txlab.kernel.engine.core;
