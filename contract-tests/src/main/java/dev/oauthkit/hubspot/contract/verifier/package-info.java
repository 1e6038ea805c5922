/** The command-line verifier for pipelines. */
package dev.oauthkit.hubspot.contract.verifier;
