/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

/**
 * Genesis configs of spec §10, written out here independently of both runtimes' presets and of the
 * node-like harness's preset merging (see {@link Tx}).
 */
final class Genesis {
  private Genesis() {}

  static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  static final String[] DEV_ADDRESSES = {
    ALICE,
    "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
    "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",
    "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy",
    "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw",
    "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL",
  };
  static final String[] DEV_PUBLIC_KEYS = {
    "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
    "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48",
    "90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22",
    "306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20",
    "e659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e",
    "1cbd2d43530a44705ad088af313e18f80b53ef16b36177cd4b77b846f2a5f07c",
  };
  static final String ENDOWMENT = "1152921504606846976";

  static final String DEFAULT_CONFIG =
      "{\"system\":{},\"balances\":{\"balances\":[]},\"sudo\":{\"key\":null},\"template\":{\"value\":null}}";

  static String balances(String... addresses) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < addresses.length; i++) {
      b.append(i == 0 ? "" : ",")
          .append("[\"")
          .append(addresses[i])
          .append("\",")
          .append(ENDOWMENT)
          .append(']');
    }
    return b.append(']').toString();
  }

  static final String DEV_PRESET =
      "{\"balances\":{\"balances\":"
          + balances(DEV_ADDRESSES)
          + "},\"sudo\":{\"key\":\""
          + ALICE
          + "\"}}";

  /** The development preset merged into the default config (what the node passes). */
  static String development(String templateValue) {
    return "{\"system\":{},\"balances\":{\"balances\":"
        + balances(DEV_ADDRESSES)
        + "},\"sudo\":{\"key\":\""
        + ALICE
        + "\"},\"template\":{\"value\":"
        + templateValue
        + "}}";
  }

  /** A full config endowing {@code addresses} (2^60 each), Alice as sudo. */
  static String endowing(String... addresses) {
    return "{\"system\":{},\"balances\":{\"balances\":"
        + balances(addresses)
        + "},\"sudo\":{\"key\":\""
        + ALICE
        + "\"},\"template\":{\"value\":null}}";
  }
}
