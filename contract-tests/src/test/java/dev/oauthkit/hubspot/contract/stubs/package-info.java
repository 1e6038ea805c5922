/**
 * The generated Spring Boot server stubs proven the way teams use them: a minimal Spring MVC
 * implementation that answers the spec's examples, checked against the spec.
 */
package dev.oauthkit.hubspot.contract.stubs;
