/** The spec as contract tests enumerate it: operations, responses, examples, validation. */
package dev.oauthkit.hubspot.contract.spec;
