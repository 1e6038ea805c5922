/**
 * The client-feign README's first example with exactly the imports it shows; {@code
 * client.FeignClientContractTest.ReadmeExample} runs it and checks the README.
 */
package dev.oauthkit.hubspot.feign.examples;
