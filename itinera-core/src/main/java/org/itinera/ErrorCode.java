package org.itinera;

/**
 * Every failure Itinera reports carries one of these codes. The category decides the HTTP status
 * and the CLI exit code, so callers never map exceptions by hand.
 */
public enum ErrorCode {
  INVALID_INPUT(Category.USER),
  UNAUTHORIZED(Category.AUTH),
  FORBIDDEN(Category.FORBIDDEN),
  NOT_FOUND(Category.NOT_FOUND),
  PAYLOAD_TOO_LARGE(Category.TOO_LARGE),
  OVERLOADED(Category.RESOURCES),
  STORE_LOCKED(Category.CONFLICT),
  CONFIG_INVALID(Category.USER),
  IO_FAILURE(Category.INTERNAL),
  INTERNAL(Category.INTERNAL);

  /** Broad classes of failure, each with one HTTP status and one process exit code. */
  public enum Category {
    USER(400, 2),
    AUTH(401, 3),
    FORBIDDEN(403, 3),
    NOT_FOUND(404, 4),
    CONFLICT(409, 5),
    TOO_LARGE(413, 2),
    RESOURCES(429, 6),
    INTERNAL(500, 1);

    private final int httpStatus;
    private final int exitCode;

    Category(int httpStatus, int exitCode) {
      this.httpStatus = httpStatus;
      this.exitCode = exitCode;
    }

    public int httpStatus() {
      return httpStatus;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Category category;

  ErrorCode(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }
}
