package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.RequestField;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Client mistakes for every form operation other than v1's token request (which {@link
 * BadInputCases} covers in detail), built from the spec alone: the operation's first request
 * example with an unknown client is sent with each required field missing, each field repeated, a
 * near miss of each enum, wrong content types, empty, malformed, badly encoded and oversized
 * bodies, and the fields in the query string. Each must get a documented 4xx with an Error body.
 */
final class FormBadInputCases {

  private static final String GROUP = "bad-input";
  private static final Set<Integer> BAD_REQUEST = Set.of(400);
  private static final Set<Integer> REJECTED = Set.of(400, 401);

  private final ContractRun run;

  FormBadInputCases(ContractRun run) {
    this.run = run;
  }

  void run() {
    for (OperationContract operation : run.spec().operations()) {
      if (operation.requestMediaType() != null
          && operation.requestMediaType().equals(FormBody.MEDIA_TYPE)
          && !operation.requestExamples().isEmpty()
          && !operation.operationId().equals(V1Api.TOKEN)) {
        cases(operation);
      }
    }
  }

  private void cases(OperationContract operation) {
    Map<String, String> base = base(operation);
    byte[] good = FormBody.of(base).bytes();
    String form = FormBody.MEDIA_TYPE;
    post(operation, "empty body", form, new byte[0], BAD_REQUEST);
    post(operation, "no Content-Type", null, good, BAD_REQUEST);
    post(operation, "JSON body", "application/json", json(base), BAD_REQUEST);
    post(operation, "text/plain body", "text/plain", good, BAD_REQUEST);
    post(operation, "form Content-Type, JSON body", form, json(base), BAD_REQUEST);
    post(
        operation,
        "malformed escape",
        form,
        FormBody.of(base).raw("token=%zz").bytes(),
        BAD_REQUEST);
    post(
        operation,
        "truncated escape",
        form,
        FormBody.of(base).raw("token=%4").bytes(),
        BAD_REQUEST);
    post(
        operation,
        "invalid UTF-8",
        form,
        FormBody.of(base).raw("client_id=%C3%28").bytes(),
        REJECTED);
    post(operation, "charset latin1", form + "; charset=ISO-8859-1", good, REJECTED);
    post(
        operation,
        "binary body",
        "application/octet-stream",
        new byte[] {0, 1, 2, (byte) 255},
        BAD_REQUEST);
    byte[] oversized = FormBody.of(base).field("padding", "p".repeat(96 * 1024)).bytes();
    post(operation, "oversized body (96 KiB)", form, oversized, BAD_REQUEST);
    for (RequestField field : operation.requestFields()) {
      if (field.required()) {
        Map<String, String> missing = new LinkedHashMap<>(base);
        missing.remove(field.name());
        post(operation, "no " + field.name(), form, FormBody.of(missing).bytes(), REJECTED);
      }
      if (base.containsKey(field.name())) {
        byte[] twice = FormBody.of(base).field(field.name(), base.get(field.name())).bytes();
        post(operation, field.name() + " twice", form, twice, BAD_REQUEST);
      }
      for (String value : field.enumValues()) {
        Map<String, String> nearMiss = new LinkedHashMap<>(base);
        nearMiss.put(field.name(), value.toUpperCase(java.util.Locale.ROOT));
        post(
            operation,
            field.name() + " " + nearMiss.get(field.name()),
            form,
            FormBody.of(nearMiss).bytes(),
            REJECTED);
      }
    }
    run.send(
        GROUP,
        operation,
        operation.path() + "?" + new String(good, StandardCharsets.UTF_8),
        form,
        new byte[0],
        Map.of(),
        operation.operationId() + ": fields in the query string, empty body",
        BAD_REQUEST);
  }

  /** The first request example, with an unknown client. */
  private static Map<String, String> base(OperationContract operation) {
    JsonNode example = operation.requestExamples().values().iterator().next();
    Map<String, String> base = new LinkedHashMap<>();
    example.properties().forEach(entry -> base.put(entry.getKey(), entry.getValue().asString()));
    base.computeIfPresent("client_id", (name, value) -> "unknown-client");
    base.computeIfPresent("client_secret", (name, value) -> "unknown-secret");
    return base;
  }

  private void post(
      OperationContract operation,
      String name,
      String contentType,
      byte[] body,
      Set<Integer> expected) {
    run.send(
        GROUP,
        operation,
        operation.path(),
        contentType,
        body,
        Map.of(),
        operation.operationId() + ": " + name,
        expected);
  }

  private static byte[] json(Map<String, String> fields) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach(
        (name, value) ->
            out.append(out.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"'));
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
