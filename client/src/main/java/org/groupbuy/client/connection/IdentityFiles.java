package org.groupbuy.client.connection;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.settings.Settings;
import org.hyperledger.fabric.client.identity.Identities;

/** Reads a user's enrolment certificate and private key from the org's users folder. */
public final class IdentityFiles {
    private final Settings settings;

    public IdentityFiles(Settings settings) {
        this.settings = settings;
    }

    public X509Certificate certificate() {
        Path path = existing(settings.certificate());
        try (Reader reader = Files.newBufferedReader(path)) {
            return Identities.readX509Certificate(reader);
        } catch (IOException | CertificateException e) {
            throw CliFailure.connection("BAD_IDENTITY", "cannot read certificate " + path + ": " + e.getMessage());
        }
    }

    public PrivateKey privateKey() {
        Path path = existing(settings.privateKey());
        try (Reader reader = Files.newBufferedReader(path)) {
            return Identities.readPrivateKey(reader);
        } catch (IOException | InvalidKeyException e) {
            throw CliFailure.connection("BAD_IDENTITY", "cannot read private key " + path + ": " + e.getMessage());
        }
    }

    private Path existing(Path path) {
        if (!Files.isRegularFile(path)) {
            throw CliFailure.connection("NO_IDENTITY", "no identity for user '" + settings.user() + "' of org '"
                    + settings.org().key() + "': " + path + " is missing; users that exist: " + knownUsers());
        }
        return path;
    }

    /** Names of the enrolled users in the org's users folder, for error messages. */
    public String knownUsers() {
        if (!Files.isDirectory(settings.usersDir())) {
            return "none (" + settings.usersDir() + " does not exist)";
        }
        try (Stream<Path> users = Files.list(settings.usersDir())) {
            String names = users.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .collect(Collectors.joining(", "));
            return names.isEmpty() ? "none" : names;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
