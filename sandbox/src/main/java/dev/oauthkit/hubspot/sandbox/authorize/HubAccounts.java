package dev.oauthkit.hubspot.sandbox.authorize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts and users the consent page offers. {@link #demo()} has two accounts, so a test can
 * show an optional scope being dropped: {@value #FULL_HUB_ID} has every product, {@value
 * #STARTER_HUB_ID} has no {@code automation} (nor {@code content}).
 */
public final class HubAccounts {

  /** The account with every product; also the admin API's default hub. */
  public static final long FULL_HUB_ID = CodeIssuer.DEFAULT_HUB_ID;

  /** The account without the automation and content products. */
  public static final long STARTER_HUB_ID = 62516;

  private final List<HubAccount> accounts;
  private final List<User> users;

  private HubAccounts(List<HubAccount> accounts, List<User> users) {
    this.accounts = List.copyOf(accounts);
    this.users = List.copyOf(users);
    if (this.accounts.isEmpty() || this.users.isEmpty()) {
      throw new IllegalArgumentException("accounts and users must not be empty");
    }
  }

  /** Given accounts and users; the first of each is the page's default. */
  public static HubAccounts of(List<HubAccount> accounts, List<User> users) {
    return new HubAccounts(
        Objects.requireNonNull(accounts, "accounts"), Objects.requireNonNull(users, "users"));
  }

  /** The sandbox's two demo accounts and two demo users. */
  public static HubAccounts demo() {
    return of(
        List.of(
            new HubAccount(FULL_HUB_ID, "Demo Enterprise", Set.of()),
            new HubAccount(STARTER_HUB_ID, "Demo Starter", Set.of("automation", "content"))),
        List.of(
            new User(CodeIssuer.DEFAULT_USER_ID, CodeIssuer.DEFAULT_USER),
            new User(123457, "developer@example.com")));
  }

  public List<HubAccount> accounts() {
    return accounts;
  }

  public List<User> users() {
    return users;
  }

  /** The account with this hub id, if it is one of these. */
  public Optional<HubAccount> account(long hubId) {
    return accounts.stream().filter(account -> account.hubId() == hubId).findFirst();
  }

  /** The user with this id, if it is one of these. */
  public Optional<User> user(long userId) {
    return users.stream().filter(user -> user.userId() == userId).findFirst();
  }

  /**
   * A user who can approve apps on the consent page.
   *
   * @param userId the user id put in codes and tokens
   * @param email the user's email, reported as {@code user} by the metadata endpoints
   */
  public record User(long userId, String email) {
    public User {
      if (userId < 1 || userId > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("userId must be between 1 and 2^31-1, got " + userId);
      }
      Objects.requireNonNull(email, "email");
    }
  }
}
