package org.groupbuy.client.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.groupbuy.client.failure.CliFailure;

/**
 * Who can reach the console. Anyone who reaches its port reads what its identity may read, so it
 * listens on loopback unless told otherwise, and on any other address only behind TLS and a login.
 */
public record Exposure(InetAddress address, boolean tls, boolean login) {

    /** Checks the bind address against the protection given; refuses before anything listens. */
    public static Exposure of(String bind, boolean tls, boolean login) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliFailure.usage("INVALID_ARGUMENT", "--bind " + bind + " is not an address of this machine; "
                    + "give an IP address such as 127.0.0.1");
        }
        if (!address.isLoopbackAddress() && !(tls && login)) {
            throw CliFailure.usage("INSECURE_BIND", "--bind " + bind + " would let anyone who reaches this port read "
                    + "what this identity may read; outside loopback the console needs TLS and a login: give "
                    + (tls ? "" : "--tls-keystore FILE.p12 --tls-password-file FILE ")
                    + (login ? "" : "--token-file FILE ")
                    + "or bind 127.0.0.1");
        }
        return new Exposure(address, tls, login);
    }

    public String scheme() {
        return tls ? "https" : "http";
    }
}
