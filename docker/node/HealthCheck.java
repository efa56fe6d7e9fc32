/* SPDX-License-Identifier: Apache-2.0 */

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The image's health check: asks the node's JSON-RPC server for {@code system_health} over HTTP
 * and exits 0 when it answers with a result, 1 otherwise (one line on stderr saying why).
 *
 * <p>The run image has no curl or wget, only the trimmed JRE, so the check is this class, compiled
 * in the build stage and needing nothing beyond {@code java.base}. The URL defaults to the RPC port
 * on the loopback interface; {@code BASALT_HEALTH_URL} overrides it (for a node started with
 * another {@code --rpc-port}).
 */
public final class HealthCheck {
  private static final String REQUEST =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_health\",\"params\":[]}";

  private HealthCheck() {}

  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("BASALT_HEALTH_URL", "http://127.0.0.1:9944/");
    try {
      HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
      http.setConnectTimeout(2_000);
      http.setReadTimeout(5_000);
      http.setRequestMethod("POST");
      http.setRequestProperty("Content-Type", "application/json");
      http.setDoOutput(true);
      try (OutputStream out = http.getOutputStream()) {
        out.write(REQUEST.getBytes(StandardCharsets.UTF_8));
      }
      int status = http.getResponseCode();
      String body;
      try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
        body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (status == 200 && body.contains("\"result\"")) {
        System.out.println(body);
        System.exit(0);
      }
      System.err.println("unhealthy: HTTP " + status + " " + body);
    } catch (Exception e) {
      System.err.println("unhealthy: " + url + ": " + e);
    }
    System.exit(1);
  }
}
