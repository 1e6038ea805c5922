/**
 * The admin API for pipelines ({@code /sandbox/v1/**}, described by {@code sandbox-admin-v1.yaml}):
 * create apps and authorization codes, behind a bearer admin key.
 */
package dev.oauthkit.hubspot.sandbox.admin;
