/**
 * HTTP plumbing shared by every endpoint: the error model and its JSON bodies, correlation ids,
 * body limits and strict form parsing, one log line per request, and JSON for errors that happen
 * outside Spring MVC.
 */
package dev.oauthkit.hubspot.sandbox.web;
