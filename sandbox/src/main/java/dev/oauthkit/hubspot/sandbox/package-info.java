/**
 * A local HubSpot OAuth server: the generated server stubs implemented on Spring Boot, with an
 * admin API for pipelines and a durable embedded store.
 */
package dev.oauthkit.hubspot.sandbox;
