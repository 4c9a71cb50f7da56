package org.groupbuy.client.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.groupbuy.client.GroupBuyCli;
import org.groupbuy.client.ledger.Connector;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConsoleCommandTest {
    private final Connector connector = mock(Connector.class);
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = GroupBuyCli.commandLine(connector, Map.of());
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void refusesToListenOutsideLoopbackWithoutTlsAndLoginBeforeConnecting() {
        assertThat(run("console", "--org", "regulator", "--bind", "0.0.0.0")).isEqualTo(2);

        assertThat(err.toString()).startsWith("error: [INSECURE_BIND] --bind 0.0.0.0");
        verify(connector, never()).connect(any());
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThat(run("console", "--org", "regulator", "--port", "70000")).isEqualTo(2);

        assertThat(err.toString()).startsWith("error: [INVALID_ARGUMENT] --port 70000 is not a port");
        verify(connector, never()).connect(any());
    }

    @Test
    void refusesAKeyStoreWithoutItsPasswordFile() {
        assertThat(run("console", "--org", "regulator", "--bind", "0.0.0.0", "--tls-keystore", "x.p12",
                "--token-file", "token")).isEqualTo(2);

        assertThat(err.toString()).startsWith("error: [INVALID_ARGUMENT] --tls-keystore needs --tls-password-file");
    }
}
