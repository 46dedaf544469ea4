/**
 * The compensation exercise's hidden tests: a checkout that reserves, charges a scripted payment
 * provider, and completes or compensates, judged on the database file and the provider's ledger
 * after declines, timeouts, late charges, failed statements and real kills, then {@code resume()}.
 */
package org.txlab.grader.hidden.saga;
