/** The client-retrofit README example, compiled and run against WireMock as a test. */
package dev.oauthkit.hubspot.retrofit.examples;
