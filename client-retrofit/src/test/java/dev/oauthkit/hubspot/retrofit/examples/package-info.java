/**
 * The client-retrofit README's first example with exactly the imports it shows; {@code
 * client.RetrofitClientContractTest.ReadmeExample} runs it and checks the README.
 */
package dev.oauthkit.hubspot.retrofit.examples;
