/** Contract run reports: readable summary, coverage table and JUnit XML. */
package dev.oauthkit.hubspot.contract.report;
