/**
 * The kernel's command line: {@code kernel}, {@code install}, {@code uninstall}, {@code warmup}.
 *
 * <pre>{@code
 * java -jar kernel/target/kernel-0.1.0-SNAPSHOT.jar install --user
 * jupyter console --kernel txlab-java
 * }</pre>
 */
package org.txlab.kernel;
