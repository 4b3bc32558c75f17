package org.itinera.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Files of the dashboard, read from the class path once and kept with a content hash for ETags.
 * Only names made of letters, digits, '-', '_', '.' and '/' without ".." are looked up, so a
 * request can never reach another resource of the jar.
 */
final class Assets {
  record Asset(byte[] bytes, String contentType, String etag) {}

  static final String ROOT = "/org/itinera/dashboard/";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\-]+(?:[./][A-Za-z0-9_\\-]+)*");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "json", "application/json; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon");

  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  /** The dashboard file at {@code path} (relative to the dashboard root), if there is one. */
  Optional<Asset> file(String path) {
    if (!SAFE.matcher(path).matches() || path.contains("..")) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(path, p -> load(ROOT + p, p));
  }

  /** Any class-path resource at an absolute name chosen by the code (e.g. a WebJar file). */
  Optional<Asset> resource(String absoluteName) {
    return cache.computeIfAbsent(absoluteName, p -> load(p, p));
  }

  private static Optional<Asset> load(String resource, String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1);
    String type = TYPES.get(ext);
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Optional.of(new Asset(bytes, type,
          "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
