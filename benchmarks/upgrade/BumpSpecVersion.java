/* SPDX-License-Identifier: Apache-2.0 */
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeVersionSection;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a raw chain spec's own runtime ({@code :code} at genesis) with its {@code runtime_version}
 * section rewritten to spec_version + 1, for {@code bin/bench-upgrade}:
 *
 * <pre>java -cp 'node/target/lib/*' benchmarks/upgrade/BumpSpecVersion.java SPEC.json OUT.wasm</pre>
 */
public final class BumpSpecVersion {
  public static void main(String[] args) throws Exception {
    JsonNode spec = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
    Bytes code = Bytes.fromHex(spec.path("genesis").path("raw").path("top").path("0x3a636f6465").asText());
    RuntimeVersion current = RuntimeBlob.parse(code).embeddedVersion().orElseThrow();
    Files.write(
        Path.of(args[1]),
        RuntimeVersionSection.rewrite(code.toArray(), current.specName(), current.specVersion() + 1));
    System.out.println(current.specName() + " " + current.specVersion() + " -> " + (current.specVersion() + 1));
  }
}
