/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.author;

import static io.basalt.rpc.dispatch.Safety.SAFE;
import static io.basalt.rpc.dispatch.Safety.UNSAFE;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.rpc.api.AuthorApi;
import io.basalt.rpc.api.Cancellable;
import io.basalt.rpc.api.RuntimeCallException;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import io.basalt.rpc.dispatch.RpcException;
import io.basalt.rpc.dispatch.SubscriptionNames;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code author_*} methods (sc-rpc-api's {@code AuthorApi}) over an {@link AuthorApi}:
 * submitting and watching extrinsics ({@code author_extrinsicUpdate} notifications, ending after a
 * final status), the ready queue, removal by hash or by extrinsic, and the key store. Unsafe, as in
 * sc-rpc: {@code insertKey}, {@code rotateKeys}, {@code rotateKeysWithOwner}, {@code
 * hasSessionKeys}, {@code hasKey}, {@code removeExtrinsic}.
 *
 * <p>Errors are sc-rpc-api's author errors: the pool's (1001 bad format, 1010 invalid with the
 * runtime's reason, 1011…1019), and {@code 1040} for a key type that is not four bytes ({@code
 * "Invalid key type ID format (should be of length four)"}), session keys the runtime cannot decode
 * ({@code "Session keys are not encoded correctly"}) and runtime failures ({@code "Client error:
 * …"}). {@code rotateKeysWithOwner} returns the keys without an ownership proof: the proof needs
 * {@code SessionKeys} API version 3, which no runtime Basalt runs has.
 */
public final class AuthorMethods implements MethodGroup {
  /** sc-rpc-api's {@code OTHER_ERR}: author base 1000 + 40. */
  static final int OTHER_ERROR = 1040;

  /** sc-rpc-api's {@code BAD_FORMAT}. */
  static final int BAD_FORMAT = 1001;

  private static final ParamType<List<ExtrinsicOrHash>> EXTRINSICS_OR_HASHES =
      new ParamType<>(
          "a list of {\"hash\": \"0x…\"} or {\"extrinsic\": \"0x…\"} objects",
          AuthorMethods::extrinsicsOrHashes);

  private final AuthorApi author;

  public AuthorMethods(AuthorApi author) {
    this.author = author;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("author_submitExtrinsic", SAFE, this::submit);
    methods.call("author_insertKey", UNSAFE, this::insertKey);
    methods.call("author_rotateKeys", UNSAFE, params -> rotateKeys());
    methods.call("author_rotateKeysWithOwner", UNSAFE, this::rotateKeysWithOwner);
    methods.call("author_hasSessionKeys", UNSAFE, this::hasSessionKeys);
    methods.call("author_hasKey", UNSAFE, this::hasKey);
    methods.call("author_pendingExtrinsics", SAFE, params -> author.pendingExtrinsics());
    methods.call("author_removeExtrinsic", UNSAFE, this::remove);
    methods.subscription(
        SubscriptionNames.of(
            "author_submitAndWatchExtrinsic", "author_extrinsicUpdate", "author_unwatchExtrinsic"),
        SAFE,
        this::watch);
  }

  private Object submit(Params params) {
    return author.submit(params.required(0, "extrinsic", ParamType.BYTES));
  }

  private Object insertKey(Params params) {
    KeyTypeId keyType = keyType(params.required(0, "keyType", ParamType.STRING));
    String suri = params.required(1, "suri", ParamType.STRING);
    Bytes publicKey = params.required(2, "public", ParamType.BYTES);
    author.insertKey(keyType, suri, publicKey);
    return null;
  }

  private Bytes rotateKeys() {
    try {
      return author.rotateKeys();
    } catch (RuntimeCallException e) {
      throw clientError(e);
    }
  }

  private Object rotateKeysWithOwner(Params params) {
    params.required(0, "owner", ParamType.BYTES);
    return Map.of("keys", rotateKeys());
  }

  private Object hasSessionKeys(Params params) {
    Bytes keys = params.required(0, "sessionKeys", ParamType.BYTES);
    Optional<Boolean> has;
    try {
      has = author.hasSessionKeys(keys);
    } catch (RuntimeCallException e) {
      throw clientError(e);
    }
    return has.orElseThrow(
        () -> new RpcException(OTHER_ERROR, "Session keys are not encoded correctly", null));
  }

  private Object hasKey(Params params) {
    Bytes publicKey = params.required(0, "publicKey", ParamType.BYTES);
    KeyTypeId keyType = keyType(params.required(1, "keyType", ParamType.STRING));
    return author.hasKey(publicKey, keyType);
  }

  private Object remove(Params params) {
    List<ExtrinsicOrHash> targets = params.required(0, "bytesOrHash", EXTRINSICS_OR_HASHES);
    List<Hash256> hashes = new ArrayList<>(targets.size());
    for (ExtrinsicOrHash target : targets) {
      hashes.add(target.hash());
    }
    return author.remove(hashes);
  }

  private void watch(Params params, SubscriptionSink sink) {
    Bytes extrinsic = params.required(0, "bytes", ParamType.BYTES);
    Cancellable watcher =
        author.submitAndWatch(
            extrinsic,
            status -> {
              sink.send(status);
              if (status.isFinal()) {
                sink.close();
              }
            });
    sink.onClose(watcher::cancel);
  }

  private static KeyTypeId keyType(String name) {
    try {
      return KeyTypeId.of(name);
    } catch (IllegalArgumentException e) {
      throw new RpcException(
          OTHER_ERROR, "Invalid key type ID format (should be of length four)", null);
    }
  }

  private static RpcException clientError(RuntimeCallException e) {
    return new RpcException(OTHER_ERROR, "Client error: Execution failed: " + e.getMessage(), null);
  }

  /**
   * sc-rpc-api's {@code ExtrinsicOrHash}: a transaction named by its hash or by its encoding, whose
   * hash is BLAKE2b-256 of the bytes once they decode as one extrinsic.
   */
  private record ExtrinsicOrHash(Optional<Hash256> byHash, Optional<Bytes> extrinsic) {
    Hash256 hash() {
      if (byHash.isPresent()) {
        return byHash.get();
      }
      Bytes bytes = extrinsic.orElseThrow();
      try {
        ScaleReader r = new ScaleReader(bytes);
        r.readByteVec();
        return Hashing.blake2b256Hash(bytes.slice(0, r.position()).unsafeArray());
      } catch (ScaleDecodingException e) {
        throw new RpcException(BAD_FORMAT, "Extrinsic has invalid format: " + e.getMessage(), null);
      }
    }
  }

  private static Optional<List<ExtrinsicOrHash>> extrinsicsOrHashes(JsonNode node) {
    if (!node.isArray()) {
      return Optional.empty();
    }
    List<ExtrinsicOrHash> out = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      if (!element.isObject() || element.size() != 1) {
        return Optional.empty();
      }
      JsonNode hash = element.get("hash");
      JsonNode extrinsic = element.get("extrinsic");
      if (hash != null) {
        Optional<Hash256> h = ParamType.HASH.parse(hash);
        if (h.isEmpty()) {
          return Optional.empty();
        }
        out.add(new ExtrinsicOrHash(h, Optional.empty()));
      } else if (extrinsic != null) {
        Optional<Bytes> b = ParamType.BYTES.parse(extrinsic);
        if (b.isEmpty()) {
          return Optional.empty();
        }
        out.add(new ExtrinsicOrHash(Optional.empty(), b));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }
}
