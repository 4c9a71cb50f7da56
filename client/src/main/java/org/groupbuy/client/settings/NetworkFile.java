package org.groupbuy.client.settings;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.groupbuy.client.failure.CliFailure;

/** The var/network.json written by scripts/network.sh up. */
public record NetworkFile(String channel, String chaincode, Map<String, OrgEntry> orgs) {

    /** One org's entry in network.json. */
    public record OrgEntry(String mspId, String peerEndpoint, String peerHostAlias, String tlsRootCert, String usersDir) {
    }

    public Optional<OrgEntry> org(OrgKey key) {
        return Optional.ofNullable(orgs).map(all -> all.get(key.key()));
    }

    public static NetworkFile read(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            NetworkFile file = new Gson().fromJson(reader, NetworkFile.class);
            if (file == null) {
                throw new JsonParseException("empty file");
            }
            return file;
        } catch (IOException | JsonParseException e) {
            throw CliFailure.connection("BAD_NETWORK_FILE", "cannot read " + path + ": " + e.getMessage());
        }
    }
}
