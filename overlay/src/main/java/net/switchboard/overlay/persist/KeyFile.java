package net.switchboard.overlay.persist;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import net.switchboard.dht.identity.Identity;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * An Ed25519 identity key on disk: PKCS#8 (RFC 8410) in PEM, readable by {@code openssl pkey}.
 * With a passphrase the file is an {@code ENCRYPTED PRIVATE KEY} (PBES2: PBKDF2-HMAC-SHA256,
 * AES-256-CBC). Files are written atomically with mode 0600.
 */
public final class KeyFile {
  /** PBKDF2 rounds: makes guessing a passphrase from a stolen file slow (~0.1-0.3 s per try here). */
  static final int PBKDF2_ITERATIONS = 210_000;
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private KeyFile() {}

  /** Writes {@code identity}'s secret key to {@code file}; encrypted when {@code passphrase} is non-null. */
  public static void write(Path file, Identity identity, char[] passphrase) throws IOException {
    PrivateKeyInfo info = new PrivateKeyInfo(
        new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DEROctetString(identity.secretKey()));
    PemObject pem;
    if (passphrase == null) {
      pem = new PemObject("PRIVATE KEY", info.getEncoded());
    } else {
      try {
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
            .setProvider(BC)
            .setPRF(PKCS8Generator.PRF_HMACSHA256)
            .setIterationCount(PBKDF2_ITERATIONS)
            .setPassword(passphrase)
            .build();
        pem = new PKCS8Generator(info, encryptor).generate();
      } catch (Exception e) {
        throw new KeyFileException("cannot encrypt the identity key: " + e.getMessage(), e);
      }
    }
    StringWriter text = new StringWriter();
    try (PemWriter w = new PemWriter(text)) {
      w.writeObject(pem);
    }
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads the identity in {@code file}. {@code passphrase} is needed only for an encrypted file.
   *
   * @throws KeyFileException when the file is missing, malformed, not Ed25519, encrypted with no
   *     passphrase given, or the passphrase is wrong
   */
  public static Identity read(Path file, char[] passphrase) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new KeyFileException("no identity key at " + file);
    }
    Object parsed;
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      parsed = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new KeyFileException(file + " is not a PEM private key: " + e.getMessage(), e);
    }
    PrivateKeyInfo info;
    if (parsed instanceof PrivateKeyInfo plain) {
      info = plain;
    } else if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
      if (passphrase == null) {
        throw new KeyFileException(
            file + " is encrypted: give --passphrase-file or set SWITCHBOARD_PASSPHRASE");
      }
      try {
        info = encrypted.decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase));
      } catch (Exception e) {
        throw new KeyFileException("wrong passphrase for " + file, e);
      }
    } else {
      throw new KeyFileException(file + " holds no PKCS#8 private key");
    }
    return identityOf(file, info);
  }

  private static Identity identityOf(Path file, PrivateKeyInfo info) throws KeyFileException {
    if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
      throw new KeyFileException(
          file + " holds a " + info.getPrivateKeyAlgorithm().getAlgorithm() + " key, not Ed25519");
    }
    byte[] seed;
    try {
      seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
    } catch (IOException | RuntimeException e) {
      throw new KeyFileException(file + " holds a malformed Ed25519 key", e);
    }
    if (seed.length != 32) {
      throw new KeyFileException(file + " holds an Ed25519 key of " + seed.length + " bytes, not 32");
    }
    return Identity.fromSecretKey(seed);
  }

  /** True when only the owner may read or write {@code file} (always true where POSIX modes do not exist). */
  public static boolean isOwnerOnly(Path file) throws IOException {
    if (!AtomicFiles.isPosix(file)) {
      return true;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    return AtomicFiles.OWNER_ONLY.containsAll(perms);
  }
}
