package org.itinera.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;

/**
 * The admin token that guards the query API and dashboard. It is created on first start in the
 * data directory ({@code admin-token}, readable by the owner only), so the CLI on the same machine
 * can use it; ingestion write keys are never accepted here.
 */
public final class AdminToken {
  static final String FILE_NAME = "admin-token";
  private final String value;

  private AdminToken(String value) {
    this.value = value;
  }

  public static AdminToken loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).strip());
      }
      byte[] raw = new byte[24];
      new SecureRandom().nextBytes(raw);
      String token = "ita_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: the directory's own permissions apply
      }
      return new AdminToken(token);
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "data",
          "cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }

  public String value() {
    return value;
  }

  /** Whether {@code given} is the token (compared in constant time). */
  public boolean matches(String given) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }

  /** Refuses the request unless it carries the token as a Bearer header or the login cookie. */
  public void require(Context ctx) {
    String header = ctx.header("Authorization");
    String given = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = header.substring(7).strip();
    } else if (ctx.cookie("itinera_token") != null) {
      given = ctx.cookie("itinera_token");
    }
    if (given == null) {
      throw new ItineraException(ErrorCode.UNAUTHORIZED, "Authorization",
          "the query API needs the admin token as 'Authorization: Bearer <token>'"
              + " (see the data directory's admin-token file)");
    }
    if (!matches(given)) {
      throw new ItineraException(ErrorCode.FORBIDDEN, "Authorization",
          "this token does not grant read access (write keys cannot read)");
    }
  }
}
