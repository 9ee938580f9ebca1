package io.gatehouse.server.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <data-dir>/root-credentials}: the generated root key in the AWS shared credentials file
 * format, profile {@code [gatehouse]}, so that
 * {@code AWS_SHARED_CREDENTIALS_FILE=data/root-credentials aws --profile gatehouse …} works as is.
 * Owner-only (0600) from the moment it exists.
 */
public final class RootCredentialsFile {
  public static final String PROFILE = "gatehouse";

  private RootCredentialsFile() {}

  static void write(Path file, RootCredentials credentials) {
    String text = "# Gatehouse root credentials of management account " + credentials.accountId() + ".\n"
        + "# Use: AWS_SHARED_CREDENTIALS_FILE=" + file + " aws --profile " + PROFILE
        + " --region us-east-1 --endpoint-url http://127.0.0.1:8080 sso-admin list-instances\n"
        + "[" + PROFILE + "]\n"
        + "aws_access_key_id = " + credentials.accessKeyId() + "\n"
        + "aws_secret_access_key = " + credentials.secretAccessKey().value() + "\n";
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write root credentials to " + file, e);
    }
  }

  /** The announcement printed once, when the credentials were generated at this start. */
  public static String announcement(Path file, RootCredentials credentials) {
    return "\nGatehouse generated root credentials for management account " + credentials.accountId() + ":\n"
        + "  aws_access_key_id     = " + credentials.accessKeyId() + "\n"
        + "  aws_secret_access_key = " + credentials.secretAccessKey().value() + "\n"
        + "They are saved in " + file + " (profile [" + PROFILE + "], mode 600) and will not be printed again.\n";
  }
}
