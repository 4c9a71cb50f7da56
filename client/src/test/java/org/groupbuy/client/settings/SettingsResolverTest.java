package org.groupbuy.client.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.groupbuy.client.failure.CliFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {
    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();
    private final ConnectionFlags flags = new ConnectionFlags();

    @BeforeEach
    void writeNetworkFile() throws IOException {
        Files.createDirectories(home.resolve("var"));
        Files.writeString(home.resolve("var/network.json"), """
                {"channel":"community","chaincode":"groupbuy","orderer":{"endpoint":"127.0.0.1:7050"},
                 "orgs":{"leader":{"mspId":"LeaderMSP","peerEndpoint":"127.0.0.1:7051",
                   "peerHostAlias":"peer0.leader.groupbuy.local","tlsRootCert":"/net/leader/ca.pem",
                   "usersDir":"/net/leader/users"}}}
                """);
        env.put("GROUPBUY_HOME", home.toString());
        env.put("GROUPBUY_ORG", "leader");
    }

    @Nested
    class FromTheNetworkFile {
        @Test
        void takesEndpointAliasTlsRootUsersChannelAndChaincode() {
            Settings settings = new SettingsResolver(env).resolve(flags);

            assertThat(settings.mspId()).isEqualTo("LeaderMSP");
            assertThat(settings.peerEndpoint()).isEqualTo("127.0.0.1:7051");
            assertThat(settings.peerHostAlias()).isEqualTo("peer0.leader.groupbuy.local");
            assertThat(settings.tlsRootCert()).isEqualTo(Path.of("/net/leader/ca.pem"));
            assertThat(settings.certificate()).isEqualTo(Path.of("/net/leader/users/leader1/msp/signcerts/cert.pem"));
            assertThat(settings.privateKey()).isEqualTo(Path.of("/net/leader/users/leader1/msp/keystore/key.pem"));
            assertThat(settings.channel()).isEqualTo("community");
            assertThat(settings.chaincode()).isEqualTo("groupbuy");
            assertThat(settings.deadlines()).isEqualTo(Deadlines.DEFAULT);
        }
    }

    @Nested
    class Precedence {
        @Test
        void environmentBeatsTheFile() {
            env.put("GROUPBUY_PEER_ENDPOINT", "10.0.0.5:7051");
            env.put("GROUPBUY_CHANNEL", "district-7");
            env.put("GROUPBUY_USER", "leader2");

            Settings settings = new SettingsResolver(env).resolve(flags);

            assertThat(settings.peerEndpoint()).isEqualTo("10.0.0.5:7051");
            assertThat(settings.channel()).isEqualTo("district-7");
            assertThat(settings.user()).isEqualTo("leader2");
            assertThat(settings.peerHostAlias()).isEqualTo("peer0.leader.groupbuy.local");
        }

        @Test
        void flagsBeatTheEnvironment() {
            env.put("GROUPBUY_PEER_ENDPOINT", "10.0.0.5:7051");
            flags.peerEndpoint = "127.0.0.1:9999";
            flags.org = "leader";

            assertThat(new SettingsResolver(env).resolve(flags).peerEndpoint()).isEqualTo("127.0.0.1:9999");
        }

        @Test
        void deadlinesComeFromTheEnvironmentInSeconds() {
            env.put("GROUPBUY_COMMIT_TIMEOUT", "90");
            env.put("GROUPBUY_EVALUATE_TIMEOUT", "2.5");

            Deadlines deadlines = new SettingsResolver(env).resolve(flags).deadlines();

            assertThat(deadlines).isEqualTo(new Deadlines(Duration.ofMillis(2500), Duration.ofSeconds(15),
                    Duration.ofSeconds(5), Duration.ofSeconds(90)));
        }

        @Test
        void networkFileLocationComesFromTheEnvironment() throws IOException {
            Files.move(home.resolve("var/network.json"), home.resolve("other.json"));
            env.put("GROUPBUY_NETWORK", "other.json");

            assertThat(new SettingsResolver(env).resolve(flags).peerEndpoint()).isEqualTo("127.0.0.1:7051");
        }

        @Test
        void networkFileOfASecondNetworkIsFoundThroughItsGeneratedFolder() throws IOException {
            Files.createDirectories(home.resolve("var-2"));
            Files.writeString(home.resolve("var-2/network.json"),
                    Files.readString(home.resolve("var/network.json")).replace("127.0.0.1:7051", "127.0.0.1:8051"));
            env.put("GROUPBUY_VAR", home.resolve("var-2").toString());

            assertThat(new SettingsResolver(env).resolve(flags).peerEndpoint()).isEqualTo("127.0.0.1:8051");
        }
    }

    @Nested
    class Failures {
        @Test
        void aMissingNetworkFileSaysToStartTheNetwork() {
            env.put("GROUPBUY_NETWORK", "nowhere.json");

            assertThatThrownBy(() -> new SettingsResolver(env).resolve(flags))
                    .isInstanceOfSatisfying(CliFailure.class, f -> {
                        assertThat(f.exitCode()).isEqualTo(3);
                        assertThat(f.line()).isEqualTo("error: [NO_NETWORK] " + home.resolve("nowhere.json")
                                + " not found: run scripts/network.sh up first (or set GROUPBUY_NETWORK)");
                    });
        }

        @Test
        void noOrgIsAUsageError() {
            env.remove("GROUPBUY_ORG");

            assertThatThrownBy(() -> new SettingsResolver(env).resolve(flags))
                    .isInstanceOfSatisfying(CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(2));
        }

        @Test
        void anUnknownOrgNamesTheChoices() {
            flags.org = "orderer";

            assertThatThrownBy(() -> new SettingsResolver(env).resolve(flags))
                    .hasMessage("[BAD_ORG] unknown org 'orderer'; choose one of leader|supplier|courier|committee|regulator|freshfarm");
        }
    }
}
