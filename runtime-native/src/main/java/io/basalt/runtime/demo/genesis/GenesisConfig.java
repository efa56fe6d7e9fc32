/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.genesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.crypto.ss58.Ss58Exception;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.pallet.balances.BalancesPallet;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The genesis configuration {@code GenesisBuilder_build_state} takes (runtime-spec §10), parsed and
 * validated: only the keys {@code system} (empty), {@code balances}, {@code sudo} and {@code
 * template}; a missing key at any level means its default.
 *
 * <pre>{@code
 * GenesisConfig config = GenesisConfig.parse(jsonBytes); // GenesisConfigException if invalid
 * }</pre>
 *
 * @param balances the endowed accounts, in order
 * @param sudoKey the sudo key
 * @param templateValue the initial {@code Template.Value}
 */
public record GenesisConfig(
    List<Endowment> balances, Optional<AccountId> sudoKey, Optional<Long> templateValue) {

  /**
   * One endowed account.
   *
   * @param account the account
   * @param amount its free balance (≥ ED)
   */
  public record Endowment(AccountId account, BigInteger amount) {}

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+");

  public GenesisConfig {
    balances = List.copyOf(balances);
  }

  /** The sum of all endowments. */
  public BigInteger totalIssuance() {
    return balances.stream().map(Endowment::amount).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /**
   * Parses and validates a full genesis config.
   *
   * @throws GenesisConfigException naming what is wrong and where
   */
  public static GenesisConfig parse(Bytes json) {
    JsonNode root;
    try {
      rejectSignedOrFractionalNumbers(json);
      root = JSON.readTree(json.unsafeArray());
    } catch (JsonProcessingException e) {
      throw new GenesisConfigException("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new GenesisConfigException("invalid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new GenesisConfigException("the genesis config must be a JSON object");
    }
    allowOnly(root, "", "system", "balances", "sudo", "template");
    JsonNode system = root.path("system");
    if (!system.isMissingNode() && !(system.isObject() && system.isEmpty())) {
      throw new GenesisConfigException("`system` must be an empty object");
    }
    List<Endowment> balances = parseBalances(root.path("balances"));
    Optional<AccountId> sudoKey = Optional.empty();
    JsonNode sudo = root.path("sudo");
    if (!sudo.isMissingNode()) {
      requireObject(sudo, "sudo");
      allowOnly(sudo, "sudo.", "key");
      JsonNode key = sudo.path("key");
      if (!key.isMissingNode() && !key.isNull()) {
        sudoKey = Optional.of(account(key, "sudo.key"));
      }
    }
    Optional<Long> templateValue = Optional.empty();
    JsonNode template = root.path("template");
    if (!template.isMissingNode()) {
      requireObject(template, "template");
      allowOnly(template, "template.", "value");
      JsonNode value = template.path("value");
      if (!value.isMissingNode() && !value.isNull()) {
        if (!value.isIntegralNumber()
            || value.bigIntegerValue().signum() < 0
            || value.bigIntegerValue().bitLength() > 32) {
          throw new GenesisConfigException("`template.value` must be a u32 or null, got " + value);
        }
        templateValue = Optional.of(value.longValue());
      }
    }
    return new GenesisConfig(balances, sudoKey, templateValue);
  }

  /**
   * Every number in a genesis config is an unsigned integer: a sign ({@code -0} included), a
   * fraction or an exponent anywhere makes the config invalid (serde's integer parsing).
   */
  private static void rejectSignedOrFractionalNumbers(Bytes json) throws IOException {
    try (JsonParser parser = JSON.createParser(json.unsafeArray())) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.VALUE_NUMBER_FLOAT
            || (token == JsonToken.VALUE_NUMBER_INT && parser.getText().startsWith("-"))) {
          throw new GenesisConfigException(
              "`"
                  + parser.getText()
                  + "` is not an unsigned integer (at "
                  + parser.currentLocation().getCharOffset()
                  + ")");
        }
      }
    }
  }

  private static List<Endowment> parseBalances(JsonNode node) {
    List<Endowment> out = new ArrayList<>();
    if (node.isMissingNode()) {
      return out;
    }
    requireObject(node, "balances");
    allowOnly(node, "balances.", "balances");
    JsonNode list = node.path("balances");
    if (list.isMissingNode()) {
      return out;
    }
    if (!list.isArray()) {
      throw new GenesisConfigException("`balances.balances` must be an array of [account, amount]");
    }
    Set<AccountId> seen = new HashSet<>();
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < list.size(); i++) {
      JsonNode pair = list.get(i);
      String where = "balances.balances[" + i + "]";
      if (!pair.isArray() || pair.size() != 2) {
        throw new GenesisConfigException("`" + where + "` must be [account, amount]");
      }
      AccountId account = account(pair.get(0), where + "[0]");
      BigInteger amount = amount(pair.get(1), where + "[1]");
      if (amount.compareTo(BalancesPallet.EXISTENTIAL_DEPOSIT) < 0) {
        throw new GenesisConfigException(
            "`" + where + "` endows " + amount + " planck, below the existential deposit");
      }
      if (!seen.add(account)) {
        throw new GenesisConfigException("`" + where + "` endows " + account + " a second time");
      }
      total = total.add(amount);
      if (total.compareTo(BalancesPallet.U128_MAX) > 0) {
        throw new GenesisConfigException("the total issuance overflows u128 at `" + where + "`");
      }
      out.add(new Endowment(account, amount));
    }
    return out;
  }

  private static AccountId account(JsonNode node, String where) {
    if (!node.isTextual()) {
      throw new GenesisConfigException("`" + where + "` must be an SS58 address, got " + node);
    }
    try {
      Ss58.Address address = Ss58.decode(node.textValue());
      if (!address.format().equals(Ss58AddressFormat.SUBSTRATE)) {
        throw new GenesisConfigException(
            "`" + where + "` has SS58 prefix " + address.format().prefix() + ", expected 42");
      }
      if (address.payload().length() != AccountId.LENGTH) {
        throw new GenesisConfigException("`" + where + "` is not a 32-byte account");
      }
      return new AccountId(address.payload());
    } catch (Ss58Exception e) {
      throw new GenesisConfigException("`" + where + "` is not an SS58 address: " + e.getMessage());
    }
  }

  private static BigInteger amount(JsonNode node, String where) {
    BigInteger value;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isTextual() && DECIMAL.matcher(node.textValue()).matches()) {
      value = new BigInteger(node.textValue());
    } else {
      throw new GenesisConfigException(
          "`" + where + "` must be an integer or a decimal string, got " + node);
    }
    if (value.signum() < 0 || value.compareTo(BalancesPallet.U128_MAX) > 0) {
      throw new GenesisConfigException("`" + where + "` is not a u128: " + value);
    }
    return value;
  }

  private static void requireObject(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new GenesisConfigException("`" + where + "` must be an object, got " + node);
    }
  }

  private static void allowOnly(JsonNode object, String where, String... keys) {
    Set<String> allowed = Set.of(keys);
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String key = field.getKey();
      if (!allowed.contains(key)) {
        throw new GenesisConfigException(
            "unknown key `" + where + key + "`; allowed: " + String.join(", ", keys));
      }
    }
  }
}
