package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.admin.api.FaultsApi;
import dev.oauthkit.hubspot.sandbox.admin.model.CreateFaultRequest;
import dev.oauthkit.hubspot.sandbox.admin.model.Fault;
import dev.oauthkit.hubspot.sandbox.fault.FaultInjector;
import dev.oauthkit.hubspot.sandbox.web.ApiError.Problem;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /sandbox/v1/faults}: the next requests to one operation fail with a 5xx. */
@RestController
public final class FaultsAdminController implements FaultsApi {

  private final FaultInjector faults;

  public FaultsAdminController(FaultInjector faults) {
    this.faults = faults;
  }

  @Override
  public ResponseEntity<Fault> createFault(CreateFaultRequest request) {
    if (request.getOperationId() == null) {
      throw Errors.invalidFields(List.of(Problem.missing("body", "operation_id")));
    }
    int status = request.getStatus() == null ? 500 : request.getStatus().getValue();
    int count = request.getCount() == null ? 1 : request.getCount();
    FaultInjector.Fault armed;
    try {
      armed = faults.arm(request.getOperationId().getValue(), status, count);
    } catch (IllegalArgumentException e) {
      throw Errors.invalidFields(List.of(Problem.invalid("body", field(e), e.getMessage())));
    }
    Fault body = new Fault(request.getOperationId().getValue(), armed.status(), armed.remaining());
    return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(body);
  }

  private static String field(IllegalArgumentException e) {
    String message = e.getMessage();
    return message.startsWith("count")
        ? "count"
        : message.startsWith("status") ? "status" : "operation_id";
  }
}
