package net.switchboard.overlay.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
  @TempDir Path dir;
  final Identity identity = Identity.generate(new SplittableRandom(1));

  @Test
  void aPlainKeyFileIsOwnerOnlyAndRoundTrips() throws Exception {
    Path file = dir.resolve("identity.pem");
    KeyFile.write(file, identity, null);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
    assertArrayEquals(identity.secretKey(), KeyFile.read(file, null).secretKey());
  }

  @Test
  void thePlainFileIsStandardPkcs8ThatTheJdkReads() throws Exception {
    Path file = dir.resolve("identity.pem");
    KeyFile.write(file, identity, null);
    String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----|\\s", "");

    var key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    assertEquals("EdDSA", key.getAlgorithm());
  }

  @Test
  void anEncryptedKeyFileRoundTripsWithItsPassphrase() throws Exception {
    Path file = dir.resolve("identity.pem");
    KeyFile.write(file, identity, "correct horse".toCharArray());

    String text = Files.readString(file);
    assertTrue(text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertArrayEquals(identity.secretKey(), KeyFile.read(file, "correct horse".toCharArray()).secretKey());
  }

  @Test
  void aWrongPassphraseIsAClearError() throws Exception {
    Path file = dir.resolve("identity.pem");
    KeyFile.write(file, identity, "correct horse".toCharArray());

    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFile.read(file, "battery staple".toCharArray()));
    assertEquals("wrong passphrase for " + file, e.getMessage());
  }

  @Test
  void anEncryptedKeyWithoutPassphraseSaysHowToGiveOne() throws Exception {
    Path file = dir.resolve("identity.pem");
    KeyFile.write(file, identity, "pw".toCharArray());

    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFile.read(file, null));
    assertTrue(e.getMessage().contains("--passphrase-file") && e.getMessage().contains(Passphrase.ENV), e.getMessage());
  }

  @Test
  void aKeyOfAnotherAlgorithmIsRefused() throws Exception {
    byte[] ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
    Path file = dir.resolve("ec.pem");
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(ec) + "\n-----END PRIVATE KEY-----\n");

    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFile.read(file, null));
    assertTrue(e.getMessage().contains("not Ed25519"), e.getMessage());
  }

  @Test
  void garbageAndMissingFilesAreClearErrors() throws Exception {
    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(garbage, "hello\n");
    assertTrue(assertThrows(KeyFileException.class, () -> KeyFile.read(garbage, null)).getMessage().contains("no PKCS#8"));
    assertTrue(assertThrows(KeyFileException.class, () -> KeyFile.read(dir.resolve("none.pem"), null))
        .getMessage().startsWith("no identity key at"));
  }

  @Test
  void aWidelyReadableKeyIsReported() throws Exception {
    Path file = dir.resolve("identity.pem");
    KeyFile.write(file, identity, null);
    assertTrue(KeyFile.isOwnerOnly(file));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertFalse(KeyFile.isOwnerOnly(file));
  }

  @Test
  void theDataDirCreatesAnIdentityOnceAndThenReadsIt() throws Exception {
    DataDir data = DataDir.open(dir.resolve("data"));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.path())));

    DataDir.LoadedIdentity first = data.loadOrCreateIdentity(null, new SplittableRandom(2));
    DataDir.LoadedIdentity second = data.loadOrCreateIdentity(null, new SplittableRandom(3));

    assertTrue(first.created());
    assertFalse(second.created());
    assertEquals(first.identity().printed(), second.identity().printed());
  }

  @Test
  void thePassphraseComesFromTheFileFirstThenTheEnvironment() throws Exception {
    Path file = dir.resolve("pass");
    Files.writeString(file, "from file\n");

    assertEquals("from file", new String(Passphrase.resolve(file, Map.of(Passphrase.ENV, "from env"))));
    assertEquals("from env", new String(Passphrase.resolve(null, Map.of(Passphrase.ENV, "from env"))));
    assertEquals(null, Passphrase.resolve(null, Map.of()));
    Files.writeString(file, "\n");
    assertThrows(KeyFileException.class, () -> Passphrase.resolve(file, Map.of()));
  }
}
