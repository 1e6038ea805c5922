/**
 * Start-up: flags and their environment twins, bean wiring, Tomcat and Spring MVC settings, the
 * data directory, the demo app, and the start-up report.
 */
package dev.oauthkit.hubspot.sandbox.config;
