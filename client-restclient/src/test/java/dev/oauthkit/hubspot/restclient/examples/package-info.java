/** The client-restclient README examples, compiled and run against WireMock as tests. */
package dev.oauthkit.hubspot.restclient.examples;
