package org.txlab.kernel.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KernelSpecTests {

  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  @Test
  void kernelJsonNamesTheKernelAndRunsTheJarWithTheArchive() {
    String json = KernelSpec.json(JAVA, Path.of("/k/kernel.jar"), Path.of("/k/kernel.jsa"));
    JsonObject spec = JsonParser.parseString(json).getAsJsonObject();
    assertThat(spec.get("display_name").getAsString()).isEqualTo("Java (TxLab)");
    assertThat(spec.get("language").getAsString()).isEqualTo("java");
    assertThat(spec.get("interrupt_mode").getAsString()).isEqualTo("message");
    String argv = spec.getAsJsonArray("argv").toString();
    assertThat(argv)
        .startsWith("[\"" + JAVA + "\"")
        .contains("/k/kernel.jsa")
        .contains("-XX:TieredStopAtLevel=1")
        .contains("-Xms64m")
        .endsWith("\"-jar\",\"/k/kernel.jar\",\"kernel\",\"{connection_file}\"]");
  }

  @Test
  void withoutArchiveNoArchiveOptionIsPassed() {
    String json = KernelSpec.json(JAVA, Path.of("/k/kernel.jar"), null);
    assertThat(json).doesNotContain("SharedArchiveFile").doesNotContain("AOTCache");
  }

  @Test
  void archiveOptionsDependOnTheJdk() {
    Path a = Path.of("/k/a");
    assertThat(KernelSpec.dumpArchive(17, a)).isEqualTo("-XX:ArchiveClassesAtExit=/k/a");
    assertThat(KernelSpec.useArchive(17, a)).isEqualTo("-XX:SharedArchiveFile=/k/a");
    assertThat(KernelSpec.dumpArchive(25, a)).isEqualTo("-XX:AOTCacheOutput=/k/a");
    assertThat(KernelSpec.useArchive(25, a)).isEqualTo("-XX:AOTCache=/k/a");
    assertThat(KernelSpec.jvmOptions(17)).doesNotContain("--enable-native-access=ALL-UNNAMED");
    assertThat(KernelSpec.jvmOptions(25)).contains("--enable-native-access=ALL-UNNAMED");
  }

  @Test
  void quotesJsonStrings() {
    assertThat(KernelSpec.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
  }

  @Test
  void prefixInstallsUnderShareJupyterKernels() {
    InstallOptions o = InstallOptions.parse("--prefix", "/opt/x", "--no-cds");
    assertThat(o.kernelsDir()).isEqualTo(Path.of("/opt/x/share/jupyter/kernels"));
    assertThat(o.cds()).isFalse();
  }
}
