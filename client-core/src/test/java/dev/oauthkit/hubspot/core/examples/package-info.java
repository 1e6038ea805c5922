/** The client-core README example, compiled and run as a test. */
package dev.oauthkit.hubspot.core.examples;
