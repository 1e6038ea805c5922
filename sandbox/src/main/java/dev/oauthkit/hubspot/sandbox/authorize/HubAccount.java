package dev.oauthkit.hubspot.sandbox.authorize;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A sandbox HubSpot account (a hub) a user can pick on the consent page, and the scopes of the
 * products it does not have. At HubSpot an optional scope the chosen account lacks is dropped from
 * the grant, and a required one it lacks stops the install; the consent page does the same.
 *
 * @param hubId the hub id put in codes and tokens
 * @param name what the consent page calls it
 * @param lackedScopes scopes of products this account does not have
 */
public record HubAccount(long hubId, String name, Set<String> lackedScopes) {

  public HubAccount {
    if (hubId < 1 || hubId > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("hubId must be between 1 and 2^31-1, got " + hubId);
    }
    Objects.requireNonNull(name, "name");
    lackedScopes = Set.copyOf(Objects.requireNonNull(lackedScopes, "lackedScopes"));
  }

  /** The account's domain, as the metadata endpoint reports it. */
  public String hubDomain() {
    return "sandbox-" + hubId + ".hubspot.test";
  }

  /** Whether the account has the product behind {@code scope}. */
  public boolean has(String scope) {
    return !lackedScopes.contains(scope);
  }

  /** The scopes of {@code scopes} this account lacks, in their order. */
  public List<String> lacking(List<String> scopes) {
    return scopes.stream().filter(scope -> !has(scope)).toList();
  }

  /**
   * What a user of this account grants: every required scope, plus the optional ones the account
   * has. Call only when {@link #lacking} the required scopes is empty.
   */
  public List<String> grant(List<String> required, List<String> optional) {
    LinkedHashSet<String> granted = new LinkedHashSet<>(required);
    optional.stream().filter(this::has).forEach(granted::add);
    return List.copyOf(granted);
  }
}
