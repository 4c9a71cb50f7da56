package org.groupbuy.client.connection;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** Who a certificate names: common name and the Fabric CA attributes role and community. */
public record CertificateFacts(String commonName, Optional<String> role, Optional<String> community, String expires) {
    /** The X.509 extension in which Fabric CA stores enrolment attributes as JSON. */
    static final String FABRIC_ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

    public static CertificateFacts of(X509Certificate certificate) {
        JsonObject attrs = attributes(certificate);
        return new CertificateFacts(commonName(certificate), text(attrs, "role"), text(attrs, "community"),
                certificate.getNotAfter().toInstant().toString());
    }

    private static String commonName(X509Certificate certificate) {
        try {
            RDN[] names = new JcaX509CertificateHolder(certificate).getSubject().getRDNs(BCStyle.CN);
            return names.length == 0 ? "" : IETFUtils.valueToString(names[0].getFirst().getValue());
        } catch (CertificateEncodingException e) {
            return "";
        }
    }

    private static JsonObject attributes(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(FABRIC_ATTRIBUTES_OID);
        if (extension == null) {
            return new JsonObject();
        }
        String json = new String(ASN1OctetString.getInstance(extension).getOctets(), StandardCharsets.UTF_8);
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        return root.has("attrs") ? root.getAsJsonObject("attrs") : new JsonObject();
    }

    private static Optional<String> text(JsonObject attrs, String name) {
        return attrs.has(name) ? Optional.of(attrs.get(name).getAsString()) : Optional.empty();
    }
}
