package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.admin.api.ClockApi;
import dev.oauthkit.hubspot.sandbox.admin.model.AdvanceClockRequest;
import dev.oauthkit.hubspot.sandbox.admin.model.Clock;
import dev.oauthkit.hubspot.sandbox.clock.SandboxClock;
import dev.oauthkit.hubspot.sandbox.web.ApiError.Problem;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|POST /sandbox/v1/clock}: reads the sandbox's time, or moves it forward. */
@RestController
public final class ClockAdminController implements ClockApi {

  /** The largest single move: ten years, as the admin spec says. */
  static final long MAX_ADVANCE_SECONDS = 315_360_000L;

  private final SandboxClock clock;

  public ClockAdminController(SandboxClock clock) {
    this.clock = clock;
  }

  @Override
  public ResponseEntity<Clock> getClock() {
    return answer();
  }

  @Override
  public ResponseEntity<Clock> advanceClock(AdvanceClockRequest request) {
    Integer seconds = request.getAdvanceSeconds();
    if (seconds == null) {
      throw Errors.invalidFields(List.of(Problem.missing("body", "advance_seconds")));
    }
    if (seconds < 1 || seconds > MAX_ADVANCE_SECONDS) {
      throw invalid("advance_seconds must be between 1 and " + MAX_ADVANCE_SECONDS);
    }
    try {
      clock.advance(Duration.ofSeconds(seconds));
    } catch (IllegalArgumentException e) {
      throw invalid("advance_seconds would move the clock more than 100 years ahead");
    }
    return answer();
  }

  private ResponseEntity<Clock> answer() {
    Clock body =
        new Clock(
            OffsetDateTime.ofInstant(clock.shown(), ZoneOffset.UTC), clock.offset().getSeconds());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  private static RuntimeException invalid(String message) {
    return Errors.invalidFields(List.of(Problem.invalid("body", "advance_seconds", message)));
  }
}
