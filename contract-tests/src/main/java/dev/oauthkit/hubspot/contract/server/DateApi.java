package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of one date version of the API ({@code /oauth/<YYYY-MM>/...}), found in the spec
 * by version and operationId: every version in the spec that has a {@code createToken} operation is
 * one, so a new date version's document is checked without new code.
 *
 * @param version the version's path segment, e.g. {@code YYYY-MM}
 * @param create {@code POST /oauth/<version>/token}: the three grants
 * @param introspect {@code POST /oauth/<version>/token/introspect} (RFC 7662)
 * @param revoke {@code POST /oauth/<version>/token/revoke} (RFC 7009)
 */
record DateApi(
    String version,
    OperationContract create,
    OperationContract introspect,
    OperationContract revoke) {

  private static final String CREATE = "createToken";

  /** The date versions of the spec, in document order. */
  static List<DateApi> in(ContractSpec spec) {
    List<DateApi> versions = new ArrayList<>();
    for (String version : spec.versions()) {
      spec.find(version, CREATE)
          .ifPresent(
              create ->
                  versions.add(
                      new DateApi(
                          version,
                          create,
                          operation(spec, version, "introspectToken"),
                          operation(spec, version, "revokeToken"))));
    }
    return List.copyOf(versions);
  }

  /** The three operations, in the order the server-error flow arms their faults. */
  List<OperationContract> operations() {
    return List.of(create, introspect, revoke);
  }

  private static OperationContract operation(ContractSpec spec, String version, String id) {
    return spec.find(version, id)
        .orElseThrow(
            () -> new IllegalArgumentException("API " + version + " has createToken but no " + id));
  }
}
