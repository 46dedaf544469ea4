/**
 * The thin Jupyter adapter: Jupyter messages in, {@link org.txlab.kernel.engine.Engine} calls out.
 */
package org.txlab.kernel.jupyter;
