/** The client-feign README examples, compiled and run against WireMock as tests. */
package dev.oauthkit.hubspot.feign.examples;
