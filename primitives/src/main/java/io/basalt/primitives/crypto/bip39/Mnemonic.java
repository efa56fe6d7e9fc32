/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.bip39;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A BIP39 mnemonic over the English word list, and Substrate's way of turning it into a key.
 *
 * <p>Substrate does <em>not</em> use the BIP39 seed (PBKDF2 over the phrase text). Following {@code
 * substrate-bip39}, the mini secret is the first 32 bytes of PBKDF2-HMAC-SHA512 over the mnemonic's
 * <em>entropy</em>, with salt {@code "mnemonic" + password} and 2048 rounds; see {@link
 * #miniSecret(String)}.
 *
 * <p>{@link #toString()} never shows the words.
 */
public final class Mnemonic {
  private static final List<String> WORDS = loadWordList();
  private static final Map<String, Integer> INDEX = indexOf(WORDS);
  private static final int PBKDF2_ROUNDS = 2048;

  private final List<String> words;
  private final byte[] entropy;

  private Mnemonic(List<String> words, byte[] entropy) {
    this.words = List.copyOf(words);
    this.entropy = entropy;
  }

  /**
   * Parses and validates a phrase: 12, 15, 18, 21 or 24 words from the English list, separated by
   * whitespace, with a correct checksum.
   *
   * @throws InvalidMnemonicException saying what is wrong (without repeating the words)
   */
  public static Mnemonic parse(String phrase) {
    String[] parts = phrase.trim().split("\\s+");
    int count = phrase.isBlank() ? 0 : parts.length;
    if (count < 12 || count > 24 || count % 3 != 0) {
      throw new InvalidMnemonicException(
          "a mnemonic has 12, 15, 18, 21 or 24 words, this one has " + count);
    }
    int bits = count * 11;
    int entropyBits = bits * 32 / 33;
    byte[] all = new byte[(bits + 7) / 8];
    for (int w = 0; w < count; w++) {
      Integer index = INDEX.get(parts[w]);
      if (index == null) {
        throw new InvalidMnemonicException(
            "word " + (w + 1) + " of " + count + " is not in the BIP39 English word list");
      }
      for (int b = 0; b < 11; b++) {
        if ((index >> (10 - b) & 1) == 1) {
          int bit = w * 11 + b;
          all[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
      }
    }
    byte[] entropy = Arrays.copyOf(all, entropyBits / 8);
    if (!Arrays.equals(
        checksumBits(entropy, bits - entropyBits),
        extractBits(all, entropyBits, bits - entropyBits))) {
      throw new InvalidMnemonicException("the mnemonic's checksum does not match its words");
    }
    return new Mnemonic(Arrays.asList(parts), entropy);
  }

  /** The mnemonic for the given entropy (16, 20, 24, 28 or 32 bytes). */
  public static Mnemonic fromEntropy(byte[] entropy) {
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
      throw new InvalidMnemonicException(
          "mnemonic entropy is 16, 20, 24, 28 or 32 bytes, got " + entropy.length);
    }
    int entropyBits = entropy.length * 8;
    int checksumLength = entropyBits / 32;
    int total = entropyBits + checksumLength;
    byte[] all = Arrays.copyOf(entropy, (total + 7) / 8);
    byte[] checksum = Hashing.sha256(entropy);
    for (int i = 0; i < checksumLength; i++) {
      if ((checksum[i / 8] >> (7 - i % 8) & 1) == 1) {
        int bit = entropyBits + i;
        all[bit / 8] |= (byte) (0x80 >>> (bit % 8));
      }
    }
    List<String> words = new ArrayList<>();
    for (int w = 0; w < total / 11; w++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        int bit = w * 11 + b;
        index = index << 1 | (all[bit / 8] >> (7 - bit % 8) & 1);
      }
      words.add(WORDS.get(index));
    }
    return new Mnemonic(words, entropy.clone());
  }

  /** A fresh random mnemonic of 12, 15, 18, 21 or 24 words. */
  public static Mnemonic generate(int wordCount, SecureRandom random) {
    if (wordCount < 12 || wordCount > 24 || wordCount % 3 != 0) {
      throw new InvalidMnemonicException(
          "invalid number of words given for phrase: must be 12/15/18/21/24, got " + wordCount);
    }
    byte[] entropy = new byte[wordCount * 4 / 3];
    random.nextBytes(entropy);
    return fromEntropy(entropy);
  }

  /** True if the phrase parses as a valid mnemonic. */
  public static boolean isValid(String phrase) {
    try {
      parse(phrase);
      return true;
    } catch (InvalidMnemonicException e) {
      return false;
    }
  }

  /**
   * Substrate's 32-byte mini secret (the seed of every scheme): PBKDF2-HMAC-SHA512(entropy, salt =
   * "mnemonic" + password, 2048 rounds), first 32 bytes.
   */
  public byte[] miniSecret(String password) {
    return Arrays.copyOf(substrateSeed(password), 32);
  }

  /** The full 64-byte {@code substrate-bip39} seed. */
  public byte[] substrateSeed(String password) {
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
    byte[] salt = ("mnemonic" + password).getBytes(StandardCharsets.UTF_8);
    generator.init(entropy, salt, PBKDF2_ROUNDS);
    return ((KeyParameter) generator.generateDerivedMacParameters(512)).getKey();
  }

  /** The words joined by single spaces. Secret: handle with care. */
  public String phrase() {
    return String.join(" ", words);
  }

  public int wordCount() {
    return words.size();
  }

  /** The entropy the words encode. Secret: handle with care. */
  public Bytes entropy() {
    return Bytes.of(entropy);
  }

  @Override
  public String toString() {
    return "Mnemonic(" + words.size() + " words, <redacted>)";
  }

  // ---------------------------------------------------------------------------------------------

  private static byte[] checksumBits(byte[] entropy, int length) {
    return extractBits(Hashing.sha256(entropy), 0, length);
  }

  private static byte[] extractBits(byte[] data, int from, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      int bit = from + i;
      out[i] = (byte) (data[bit / 8] >> (7 - bit % 8) & 1);
    }
    return out;
  }

  private static List<String> loadWordList() {
    try (InputStream in = Mnemonic.class.getResourceAsStream("english.txt")) {
      if (in == null) {
        throw new IllegalStateException("BIP39 word list english.txt missing from the classpath");
      }
      List<String> words =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
      if (words.size() != 2048) {
        throw new IllegalStateException("BIP39 word list has " + words.size() + " words, not 2048");
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the BIP39 word list", e);
    }
  }

  private static Map<String, Integer> indexOf(List<String> words) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      index.put(words.get(i), i);
    }
    return Map.copyOf(index);
  }
}
