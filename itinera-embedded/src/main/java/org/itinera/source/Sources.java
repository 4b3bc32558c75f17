package org.itinera.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.store.Store;

/**
 * Creates sources and authenticates write keys. Only a SHA-256 of each key is stored, so the key
 * is shown once, at creation; lookups by key are cached because every ingestion request does one.
 */
public final class Sources {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");
  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Map<String, Optional<Source>> byKeyHash = new ConcurrentHashMap<>();

  public Sources(Store store) {
    this.store = store;
  }

  /** A new source and its write key; the key is returned only here. */
  public record Created(Source source, String writeKey) {}

  public Created create(String name, String channel) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ItineraException.invalid("name", "source name '" + name
          + "' must be 1-64 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit");
    }
    if (channel == null || !CHANNEL.matcher(channel).matches()) {
      throw ItineraException.invalid("channel", "channel '" + channel
          + "' must be lower-case letters, digits or '_' (e.g. web, app, call_center)");
    }
    if (list().stream().anyMatch(s -> s.name().equals(name))) {
      throw ItineraException.invalid("name", "a source named '" + name + "' already exists");
    }
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    String key = "itk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String id = "src_" + HexFormat.of().formatHex(raw, 0, 6);
    Source source = new Source(id, name, channel);
    synchronized (store) {
      try (PreparedStatement ps = store.connection().prepareStatement(
          "INSERT INTO sources (source_id, name, channel, write_key_sha256, created_at)"
              + " VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, name);
        ps.setString(3, channel);
        ps.setString(4, sha256(key));
        ps.setObject(5, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new ItineraException(ErrorCode.INTERNAL, "cannot create source: " + e.getMessage());
      }
    }
    return new Created(source, key);
  }

  public List<Source> list() {
    List<Source> out = new ArrayList<>();
    try (Connection c = store.newConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT source_id, name, channel FROM sources ORDER BY created_at");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Source(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot list sources: " + e.getMessage());
    }
    return out;
  }

  /** The source a write key belongs to, or empty for an unknown key. */
  public Optional<Source> authenticate(String writeKey) {
    if (writeKey == null || writeKey.isEmpty()) {
      return Optional.empty();
    }
    String hash = sha256(writeKey);
    Optional<Source> cached = byKeyHash.get(hash);
    if (cached != null && cached.isPresent()) {
      return cached;
    }
    Optional<Source> found = lookup(hash);
    // Only known keys are cached: caching misses would let random keys grow the map without end.
    found.ifPresent(source -> byKeyHash.put(hash, found));
    return found;
  }

  private Optional<Source> lookup(String hash) {
    try (Connection c = store.newConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT source_id, name, channel FROM sources WHERE write_key_sha256 = ?")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Source(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot look up write key: " + e.getMessage());
    }
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
