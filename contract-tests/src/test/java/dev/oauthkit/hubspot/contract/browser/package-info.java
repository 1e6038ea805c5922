/**
 * The sandbox's consent page in a real browser: headless Chromium from the OS packages, driven by
 * Selenium through the OS's chromedriver (never downloaded), and a local server catching redirects.
 */
package dev.oauthkit.hubspot.contract.browser;
