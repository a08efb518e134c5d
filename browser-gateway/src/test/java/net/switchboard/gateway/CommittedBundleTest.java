package net.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web app's bundle is committed, so a machine with only a JDK and Maven serves the real app.
 * This build regenerated it from src/main/web with esbuild (pinned in package-lock.json, output
 * deterministic): it must be byte for byte what is committed, or someone changed the sources and
 * did not commit the new bundle.
 */
class CommittedBundleTest {
  private static final String BUNDLE = "src/main/resources/webapp/app.js";

  @Test
  void theCommittedBundleIsTheOneBuiltFromTheSources() throws Exception {
    assumeTrue(!Boolean.getBoolean("skip.web"), "the web app was not rebuilt (-Dskip.web=true)");
    assumeTrue(Files.isRegularFile(Path.of(BUNDLE)), "no bundle: the web build did not run");
    int inRepo = git("rev-parse", "--is-inside-work-tree");
    assumeTrue(inRepo == 0, "not a git checkout: nothing committed to compare with");
    assertEquals(0, git("ls-files", "--error-unmatch", BUNDLE), BUNDLE + " is not committed");
    assertEquals(0, git("diff", "--quiet", "--", BUNDLE),
        BUNDLE + " differs from the committed one: rebuild (mvn -pl browser-gateway package) and commit it with the sources");
  }

  private static int git(String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return -1; // no git on this machine
    }
    p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
