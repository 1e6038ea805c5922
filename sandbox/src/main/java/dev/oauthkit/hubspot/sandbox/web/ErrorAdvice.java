package dev.oauthkit.hubspot.sandbox.web;

import dev.oauthkit.hubspot.sandbox.store.StoreException;
import dev.oauthkit.hubspot.sandbox.web.ApiError.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception of the Spring MVC part (the admin API) into an Error body with a status the
 * admin spec documents: client mistakes 400, unknown routes 404, wrong methods 405, a store that
 * cannot write or cannot be reached 503 with {@code Retry-After}, and only the sandbox's own faults
 * 500. No stack trace is ever sent. (Requests under {@code /oauth/} never reach Spring MVC: the one
 * request path answers them.)
 */
@RestControllerAdvice
public final class ErrorAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorAdvice.class);

  @ExceptionHandler(ApiError.class)
  ResponseEntity<ErrorBody> apiError(ApiError error, HttpServletRequest request) {
    return render(error, request);
  }

  @ExceptionHandler(StoreException.class)
  ResponseEntity<ErrorBody> store(StoreException e, HttpServletRequest request) {
    if (e.unavailable()) {
      return render(Errors.storeUnavailable(), request);
    }
    return unexpected(e, request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorBody> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return render(
        Errors.invalidFields(List.of(Problem.missing("query", e.getParameterName()))), request);
  }

  @ExceptionHandler(HttpMediaTypeException.class)
  ResponseEntity<ErrorBody> mediaType(HttpMediaTypeException e, HttpServletRequest request) {
    return render(Errors.invalidRequest("Content-Type must be application/json", null), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    String field = fieldOf(e.getCause());
    ApiError error =
        field == null
            ? Errors.invalidRequest("request body is missing or is not valid JSON", null)
            : Errors.invalidFields(
                List.of(Problem.invalid("body", field, problemOf(field, e.getCause()))));
    return render(error, request);
  }

  /** "x is not a field of this request; the fields are a, b", else "x has the wrong type". */
  private static String problemOf(String field, Throwable cause) {
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return field
          + " is not a field of this request; the fields are "
          + unknown.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
    }
    return field + " has the wrong type";
  }

  @ExceptionHandler({
    ServletRequestBindingException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ErrorBody> binding(Exception e, HttpServletRequest request) {
    return render(Errors.invalidRequest("request parameters are not valid", null), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    ResponseEntity<ErrorBody> answer = render(Errors.methodNotAllowed(), request);
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(answer.getHeaders());
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
  }

  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  ResponseEntity<ErrorBody> notFound(Exception e, HttpServletRequest request) {
    return render(Errors.notFound(), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("unexpected error, cid={}", Correlation.of(request), e);
    return render(Errors.internal(), request);
  }

  private static ResponseEntity<ErrorBody> render(ApiError error, HttpServletRequest request) {
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(error.httpStatus())
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
    error.headers().forEach(answer::header);
    return answer.body(error.toBody(Correlation.of(request)));
  }

  private static String fieldOf(Throwable cause) {
    if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      String name =
          cause instanceof UnrecognizedPropertyException unknown
              ? unknown.getPropertyName()
              : databind.getPath().get(0).getPropertyName();
      if (name != null && name.matches("[a-z_]{1,40}")) {
        return name;
      }
    }
    return null;
  }
}
