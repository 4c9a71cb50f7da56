package org.groupbuy.client.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.groupbuy.client.failure.CliFailure;

/**
 * Decides the connection settings. Precedence, highest first: command-line flag, environment
 * variable, var/network.json, built-in default.
 */
public final class SettingsResolver {
    private final Map<String, String> env;

    public SettingsResolver(Map<String, String> env) {
        this.env = env;
    }

    public Settings resolve(ConnectionFlags flags) {
        OrgKey org = org(flags);
        Path networkPath = networkPath(flags);
        Optional<NetworkFile> file = Files.exists(networkPath) ? Optional.of(NetworkFile.read(networkPath)) : Optional.empty();
        Optional<NetworkFile.OrgEntry> entry = file.flatMap(f -> f.org(org));
        String endpoint = pick(flags.peerEndpoint, "GROUPBUY_PEER_ENDPOINT", entry, NetworkFile.OrgEntry::peerEndpoint);
        String tlsRoot = pick(flags.tlsRootCert, "GROUPBUY_TLS_ROOT_CERT", entry, NetworkFile.OrgEntry::tlsRootCert);
        String usersDir = pick(flags.usersDir, "GROUPBUY_USERS_DIR", entry, NetworkFile.OrgEntry::usersDir);
        if (endpoint == null || tlsRoot == null || usersDir == null) {
            throw missing(networkPath, file.isPresent(), org);
        }
        String alias = pick(flags.peerHostAlias, "GROUPBUY_PEER_HOST_ALIAS", entry, NetworkFile.OrgEntry::peerHostAlias);
        String mspId = entry.map(NetworkFile.OrgEntry::mspId).orElse(org.mspId());
        String user = firstOf(flags.user, env.get("GROUPBUY_USER"), org.key() + "1");
        String channel = firstOf(flags.channel, env.get("GROUPBUY_CHANNEL"),
                file.map(NetworkFile::channel).orElse(null), "community");
        String chaincode = firstOf(flags.chaincode, env.get("GROUPBUY_CHAINCODE"),
                file.map(NetworkFile::chaincode).orElse(null), "groupbuy");
        return new Settings(org, mspId, user, endpoint, alias, Path.of(tlsRoot), Path.of(usersDir),
                channel, chaincode, deadlines());
    }

    public Path networkPath(ConnectionFlags flags) {
        String explicit = firstOf(flags.network, env.get("GROUPBUY_NETWORK"));
        Path home = Path.of(firstOf(env.get("GROUPBUY_HOME"), "."));
        if (explicit != null) {
            return home.resolve(explicit);
        }
        // the scripts' generated folder (GROUPBUY_VAR) when a second network runs beside the first
        return home.resolve(firstOf(env.get("GROUPBUY_VAR"), "var")).resolve("network.json");
    }

    public Deadlines deadlines() {
        Deadlines d = Deadlines.DEFAULT;
        return new Deadlines(
                seconds("GROUPBUY_EVALUATE_TIMEOUT", d.evaluate()),
                seconds("GROUPBUY_ENDORSE_TIMEOUT", d.endorse()),
                seconds("GROUPBUY_SUBMIT_TIMEOUT", d.submit()),
                seconds("GROUPBUY_COMMIT_TIMEOUT", d.commitStatus()));
    }

    private OrgKey org(ConnectionFlags flags) {
        String text = firstOf(flags.org, env.get("GROUPBUY_ORG"));
        if (text == null) {
            throw CliFailure.usage("NO_ORG", "say which org you act for: --org " + OrgKey.names() + " (or env GROUPBUY_ORG)");
        }
        try {
            return OrgKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("BAD_ORG", e.getMessage());
        }
    }

    private String pick(String flag, String envName, Optional<NetworkFile.OrgEntry> entry,
                        Function<NetworkFile.OrgEntry, String> field) {
        return firstOf(flag, env.get(envName), entry.map(field).orElse(null));
    }

    private Duration seconds(String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            throw CliFailure.usage("BAD_TIMEOUT", name + " must be a number of seconds, got '" + value + "'");
        }
    }

    private static CliFailure missing(Path networkPath, boolean fileExists, OrgKey org) {
        if (!fileExists) {
            return CliFailure.connection("NO_NETWORK",
                    networkPath + " not found: run scripts/network.sh up first (or set GROUPBUY_NETWORK)");
        }
        return CliFailure.connection("BAD_NETWORK_FILE",
                networkPath + " has no complete entry for org '" + org.key() + "' (peerEndpoint, tlsRootCert, usersDir)");
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
