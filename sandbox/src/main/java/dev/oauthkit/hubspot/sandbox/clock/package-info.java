/** The sandbox's clock, which the admin API moves forward so tokens expire without waiting. */
package dev.oauthkit.hubspot.sandbox.clock;
