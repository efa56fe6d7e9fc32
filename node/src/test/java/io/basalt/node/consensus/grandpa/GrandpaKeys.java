/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.grandpa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.DevKeys;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.types.Header;
import java.util.ArrayList;
import java.util.List;

/** The dev accounts' GRANDPA (ed25519 {@code gran}) keys and justifications signed with them. */
final class GrandpaKeys {
  private GrandpaKeys() {}

  /** A key store with the {@code gran} keys of these dev accounts. */
  static Keystore keystore(String... names) {
    Keystore keystore = new InMemoryKeystore();
    for (String name : names) {
      DevKeys.insert(
          keystore, name, List.of(new DevKeys.KeySpec(KeyTypeId.GRANDPA, KeyScheme.ED25519)));
    }
    return keystore;
  }

  /** The {@code gran} public key of a dev account. */
  static Bytes publicKey(String name) {
    return keystore(name).publicKeys(KeyTypeId.GRANDPA, KeyScheme.ED25519).get(0);
  }

  /** A justification of {@code round} in {@code setId} with one precommit per signer. */
  static GrandpaJustification justification(
      long round, long setId, Header target, List<Header> ancestries, List<Signed> precommits) {
    List<GrandpaJustification.SignedPrecommit> signed = new ArrayList<>();
    for (Signed p : precommits) {
      GrandpaJustification.Precommit vote =
          new GrandpaJustification.Precommit(p.block().hash(), p.block().number());
      Keystore keystore = keystore(p.signer());
      Bytes id = keystore.publicKeys(KeyTypeId.GRANDPA, KeyScheme.ED25519).get(0);
      byte[] sig =
          keystore
              .sign(
                  KeyTypeId.GRANDPA,
                  KeyScheme.ED25519,
                  id,
                  GrandpaJustification.signedPayload(vote, round, setId))
              .orElseThrow();
      signed.add(new GrandpaJustification.SignedPrecommit(vote, Bytes.wrap(sig), id));
    }
    return new GrandpaJustification(
        round, new GrandpaJustification.Commit(target.hash(), target.number(), signed), ancestries);
  }

  /** A precommit for {@code block} by dev account {@code signer}. */
  record Signed(String signer, Header block) {}
}
