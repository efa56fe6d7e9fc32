/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.basalt.rpc.subscription.SubscriptionLimitException;
import io.basalt.rpc.subscription.SubscriptionManager;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 request text in, response text out: the transport-free core of the server. It
 * follows jsonrpsee's server, which Substrate uses, case by case: a request needs {@code
 * "jsonrpc":"2.0"}, a method name and an id that is null, a u64 or a string; without a valid id it
 * is a notification, which is accepted and not answered (nor run); other objects with a valid id
 * get {@code -32600 Invalid request} with that id, anything else {@code -32700 Parse error} with id
 * null. Batches are answered as arrays in request order; an empty batch is one {@code -32600}; a
 * batch of notifications only gets no answer. A response over the size limit becomes {@code -32008}
 * (a batch's, {@code -32010}/{@code -32011} for length and size).
 *
 * <p>{@code rpc_methods} is built in: {@code {"methods": [every name and alias, sorted]}}, as
 * sc-rpc-server's {@code build_rpc_api}.
 */
public final class RpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger("rpc");
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final MethodCatalogue catalogue;
  private final BatchLimit batchLimit;
  private final long maxResponseBytes;

  private RpcDispatcher(List<RpcMethod> methods, BatchLimit batchLimit, long maxResponseBytes) {
    List<RpcMethod> all = new ArrayList<>(methods);
    CatalogueHolder holder = new CatalogueHolder();
    all.add(
        new RpcMethod(
            "rpc_methods",
            List.of(),
            Safety.SAFE,
            RpcMethod.Kind.CALL,
            Optional.of((params, scope) -> Map.of("methods", holder.catalogue.names())),
            Optional.empty()));
    this.catalogue = new MethodCatalogue(all);
    holder.catalogue = catalogue;
    this.batchLimit = batchLimit;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** A dispatcher with no groups yet, batches unlimited, Substrate's 15 MiB response limit. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every method this dispatcher answers. */
  public MethodCatalogue catalogue() {
    return catalogue;
  }

  /**
   * Reads a request (one object or a batch); cheap enough for the server to learn how many calls it
   * holds before running them (the rate limit counts calls).
   */
  public Message parse(String text) {
    String body = text.stripLeading();
    if (body.isEmpty() || (body.charAt(0) != '{' && body.charAt(0) != '[')) {
      return Message.answered(error(null, RpcError.PARSE_ERROR.exception()));
    }
    boolean single = body.charAt(0) == '{';
    if (!single && !batchLimit.enabled()) {
      return Message.answered(error(null, RpcError.BATCHES_NOT_SUPPORTED.exception()));
    }
    JsonNode tree;
    try {
      tree = RpcJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return Message.answered(error(null, RpcError.PARSE_ERROR.exception()));
    }
    if (single) {
      return new Message(Optional.empty(), List.of(Entry.of(tree, false)), false);
    }
    if (tree.size() > batchLimit.maxLength()) {
      return Message.answered(
          error(null, RpcError.TOO_BIG_BATCH_REQUEST.exceeded(batchLimit.maxLength())));
    }
    if (tree.isEmpty()) {
      return Message.answered(error(null, RpcError.INVALID_REQUEST.exception()));
    }
    List<Entry> entries = new ArrayList<>(tree.size());
    tree.forEach(node -> entries.add(Entry.of(node, true)));
    return new Message(Optional.empty(), entries, true);
  }

  /** Runs a parsed request. */
  public Outcome execute(Message message, CallContext context) {
    if (message.answer().isPresent()) {
      return new Outcome(message.answer(), List.of());
    }
    List<String> opened = new ArrayList<>();
    List<Runnable> after = new ArrayList<>();
    if (!message.batch()) {
      Optional<String> response = run(message.entries().get(0), context, opened, after);
      return new Outcome(response, opened, after);
    }
    StringBuilder batch = new StringBuilder().append('[');
    long bytes = 1;
    for (Entry entry : message.entries()) {
      Optional<String> response = run(entry, context, opened, after);
      if (response.isEmpty()) {
        continue;
      }
      String text = response.get();
      bytes += utf8Length(text) + 1;
      if (bytes > maxResponseBytes) {
        return new Outcome(
            Optional.of(error(null, RpcError.TOO_BIG_BATCH_RESPONSE.exceeded(maxResponseBytes))),
            opened,
            List.of());
      }
      if (batch.length() > 1) {
        batch.append(',');
      }
      batch.append(text);
    }
    if (batch.length() == 1) {
      return new Outcome(Optional.empty(), opened, after);
    }
    return new Outcome(Optional.of(batch.append(']').toString()), opened, after);
  }

  /** {@link #parse} then {@link #execute}. */
  public Outcome dispatch(String text, CallContext context) {
    return execute(parse(text), context);
  }

  private Optional<String> run(
      Entry entry, CallContext context, List<String> opened, List<Runnable> after) {
    return switch (entry.kind()) {
      case NOTIFICATION -> Optional.empty();
      case INVALID -> Optional.of(error(entry.id(), RpcError.INVALID_REQUEST.exception()));
      case UNPARSABLE -> Optional.of(error(null, RpcError.PARSE_ERROR.exception()));
      case CALL -> Optional.of(call(entry, context, opened, after));
    };
  }

  private String call(Entry entry, CallContext context, List<String> opened, List<Runnable> after) {
    Optional<RpcMethod> found = catalogue.find(entry.method());
    if (found.isEmpty()) {
      return error(entry.id(), RpcError.METHOD_NOT_FOUND.exception());
    }
    RpcMethod method = found.get();
    try {
      if (method.safety() == Safety.UNSAFE && context.denyUnsafe()) {
        throw RpcError.UNSAFE_METHOD.exception();
      }
      Params params = new Params(entry.params(), context.denyUnsafe());
      CallScope scope = new CallScope(context.subscriptions());
      Object result =
          switch (method.kind()) {
            case CALL -> method.call().orElseThrow().call(params, scope);
            case SUBSCRIBE -> subscribe(method, params, context, scope, opened);
            case UNSUBSCRIBE -> unsubscribe(params, context);
          };
      String response = result(entry.id(), result);
      after.addAll(scope.afterResponseActions());
      return response;
    } catch (RpcException e) {
      return error(entry.id(), e);
    } catch (RuntimeException e) {
      LOG.warn("RPC method {} failed: {}", method.name(), e.toString(), e);
      return error(entry.id(), RpcError.INTERNAL_ERROR.exception());
    }
  }

  private static String subscribe(
      RpcMethod method, Params params, CallContext context, CallScope scope, List<String> opened) {
    SubscriptionManager subscriptions =
        context.subscriptions().orElseThrow(RpcError.INTERNAL_ERROR::exception);
    RpcMethod.Subscribing subscribing = method.subscription().orElseThrow();
    SubscriptionSink sink;
    try {
      sink = subscriptions.open(subscribing.names().notification(), subscribing.buffer());
    } catch (SubscriptionLimitException e) {
      throw RpcError.TOO_MANY_SUBSCRIPTIONS.exceeded(e.limit());
    }
    try {
      subscribing.handler().subscribe(params, sink, scope);
    } catch (RuntimeException e) {
      subscriptions.unsubscribe(sink.id());
      throw e;
    }
    opened.add(sink.id());
    return sink.id();
  }

  /** jsonrpsee reads exactly one param, a string or a number; anything else answers false. */
  private static boolean unsubscribe(Params params, CallContext context) {
    SubscriptionManager subscriptions =
        context.subscriptions().orElseThrow(RpcError.INTERNAL_ERROR::exception);
    if (params.positionalCount() != 1) {
      return false;
    }
    JsonNode id = params.optional(0, "subscription", ParamType.JSON).orElse(null);
    return id != null && id.isTextual() && subscriptions.unsubscribe(id.textValue());
  }

  private String result(JsonNode id, Object result) {
    BoundedOutput out = new BoundedOutput(maxResponseBytes);
    try (JsonGenerator gen = RpcJson.MAPPER.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("jsonrpc", "2.0");
      gen.writeFieldName("id");
      gen.writeTree(id);
      gen.writeFieldName("result");
      gen.writePOJO(result);
      gen.writeEndObject();
    } catch (BoundedOutput.Full e) {
      return error(id, RpcError.OVERSIZED_RESPONSE.exceeded(maxResponseBytes));
    } catch (IOException e) {
      LOG.warn("RPC result cannot be written as JSON: {}", e.toString(), e);
      return error(id, RpcError.INTERNAL_ERROR.exception());
    }
    return out.text();
  }

  /** {@code {"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…,"data"?:…}}}. */
  static String error(JsonNode id, RpcException e) {
    try {
      StringBuilderWriter out = new StringBuilderWriter();
      try (JsonGenerator gen = RpcJson.MAPPER.createGenerator(out)) {
        gen.writeStartObject();
        gen.writeStringField("jsonrpc", "2.0");
        gen.writeFieldName("id");
        if (id == null) {
          gen.writeNull();
        } else {
          gen.writeTree(id);
        }
        gen.writeObjectFieldStart("error");
        gen.writeNumberField("code", e.code());
        gen.writeStringField("message", e.getMessage());
        if (e.data().isPresent()) {
          gen.writeFieldName("data");
          gen.writePOJO(e.data().get());
        }
        gen.writeEndObject();
        gen.writeEndObject();
      }
      return out.toString();
    } catch (IOException io) {
      throw new IllegalStateException("an error response cannot be written: " + io, io);
    }
  }

  private static long utf8Length(String text) {
    long length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c)) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }

  /** Whether {@code node} is a jsonrpsee {@code Id}: null, a u64 or a string. */
  private static boolean validId(JsonNode node) {
    return node != null
        && (node.isNull()
            || node.isTextual()
            || (node.isIntegralNumber()
                && node.bigIntegerValue().signum() >= 0
                && node.bigIntegerValue().compareTo(U64_MAX) <= 0));
  }

  /**
   * The outcome of one request: the text to send, if any, the subscriptions it opened and the
   * actions to run once the text is handed to the connection ({@link CallScope#afterResponse}).
   */
  public record Outcome(
      Optional<String> response, List<String> subscriptions, List<Runnable> afterResponse) {
    public Outcome {
      subscriptions = List.copyOf(subscriptions);
      afterResponse = List.copyOf(afterResponse);
    }

    /** An outcome with nothing to run afterwards. */
    public Outcome(Optional<String> response, List<String> subscriptions) {
      this(response, subscriptions, List.of());
    }
  }

  /** A parsed request: already answered (malformed), or its entries. */
  public record Message(Optional<String> answer, List<Entry> entries, boolean batch) {
    public Message {
      entries = List.copyOf(entries);
    }

    static Message answered(String response) {
      return new Message(Optional.of(response), List.of(), false);
    }

    /** How many method calls it holds (what the rate limit counts). */
    public int callCount() {
      return (int) entries.stream().filter(e -> e.kind() == EntryKind.CALL).count();
    }
  }

  /** What one request object is. */
  public enum EntryKind {
    CALL,
    NOTIFICATION,
    INVALID,
    UNPARSABLE
  }

  /**
   * One request object, classified.
   *
   * @param id the request id (CALL, INVALID), else null
   * @param method the method name (CALL), else null
   * @param params the params (CALL), else null
   */
  public record Entry(EntryKind kind, JsonNode id, String method, JsonNode params) {
    static Entry of(JsonNode node, boolean inBatch) {
      if (node.getNodeType() != JsonNodeType.OBJECT) {
        return new Entry(inBatch ? EntryKind.INVALID : EntryKind.UNPARSABLE, null, null, null);
      }
      JsonNode version = node.get("jsonrpc");
      JsonNode method = node.get("method");
      JsonNode id = node.get("id");
      boolean wellFormed =
          version != null
              && "2.0".equals(version.textValue())
              && method != null
              && method.isTextual();
      if (wellFormed && validId(id)) {
        return new Entry(EntryKind.CALL, id, method.textValue(), node.get("params"));
      }
      if (wellFormed) {
        return new Entry(EntryKind.NOTIFICATION, null, null, null);
      }
      if (validId(id)) {
        return new Entry(EntryKind.INVALID, id, null, null);
      }
      return new Entry(inBatch ? EntryKind.INVALID : EntryKind.UNPARSABLE, null, null, null);
    }
  }

  /** Builds a dispatcher from method groups. */
  public static final class Builder {
    /** Substrate's {@code --rpc-max-response-size} default, 15 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 15L * 1024 * 1024;

    private final MethodRegistry registry = new MethodRegistry();
    private BatchLimit batchLimit = BatchLimit.UNLIMITED;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    /** Adds a group's methods. */
    public Builder add(MethodGroup group) {
      group.register(registry);
      return this;
    }

    public Builder batchLimit(BatchLimit limit) {
      this.batchLimit = limit;
      return this;
    }

    public Builder maxResponseBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("the response size limit must be positive: " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * The dispatcher.
     *
     * @throws IllegalStateException if two methods share a name or alias
     */
    public RpcDispatcher build() {
      return new RpcDispatcher(registry.methods(), batchLimit, maxResponseBytes);
    }
  }

  private static final class CatalogueHolder {
    private MethodCatalogue catalogue;
  }

  /** A growable buffer that refuses to grow past the response limit. */
  private static final class BoundedOutput extends OutputStream {
    private final long limit;
    private byte[] buffer = new byte[256];
    private int size;

    BoundedOutput(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      ensure(1);
      buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ensure(len);
      System.arraycopy(b, off, buffer, size, len);
      size += len;
    }

    private void ensure(int more) throws Full {
      if (size + (long) more > limit) {
        throw new Full();
      }
      if (size + more > buffer.length) {
        long grown = Math.max((long) buffer.length * 2, (long) size + more);
        buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Math.min(limit, Integer.MAX_VALUE)));
      }
    }

    String text() {
      return new String(buffer, 0, size, StandardCharsets.UTF_8);
    }

    /** The response grew past the limit. */
    static final class Full extends IOException {
      private static final long serialVersionUID = 1L;

      Full() {
        super("response too big", null);
      }
    }
  }

  /** A {@link java.io.Writer} over a {@link StringBuilder} (no synchronisation). */
  private static final class StringBuilderWriter extends java.io.Writer {
    private final StringBuilder out = new StringBuilder(128);

    @Override
    public void write(char[] cbuf, int off, int len) {
      out.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      out.append(str, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
