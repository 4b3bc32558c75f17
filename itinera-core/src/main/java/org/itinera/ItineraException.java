package org.itinera;

import java.util.Objects;

/**
 * The one exception type of Itinera. It names the offending field (when there is one) so that the
 * HTTP API and the CLI can say precisely what was wrong: what was given, where, and what was
 * expected.
 */
public final class ItineraException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String field;

  public ItineraException(ErrorCode code, String message) {
    this(code, null, message, null);
  }

  public ItineraException(ErrorCode code, String field, String message) {
    this(code, field, message, null);
  }

  public ItineraException(ErrorCode code, String field, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.field = field;
  }

  public static ItineraException invalid(String field, String message) {
    return new ItineraException(ErrorCode.INVALID_INPUT, field, message);
  }

  public ErrorCode code() {
    return code;
  }

  /** The input field at fault, as a JSON path such as {@code batch[3].timestamp}; may be null. */
  public String field() {
    return field;
  }

  public int httpStatus() {
    return code.category().httpStatus();
  }

  public int exitCode() {
    return code.category().exitCode();
  }
}
