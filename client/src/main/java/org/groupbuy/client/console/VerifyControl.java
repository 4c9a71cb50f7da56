package org.groupbuy.client.console;

/**
 * The "verify a file" control: the browser hashes the chosen or dropped file (WebCrypto SHA-256,
 * the file never leaves the browser) and asks the console, which asks Audit:VerifyEvidence.
 */
final class VerifyControl {
    static final String HTML = "<form id=\"verify\" class=\"verify\" action=\"/verify\" method=\"post\">"
            + "<fieldset><legend>Verify a file</legend>"
            + "<p id=\"verify-help\">Choose or drop the document: its SHA-256 is computed in this browser and looked "
            + "up on the ledger. The file itself is not sent.</p>"
            + "<div id=\"drop-zone\" class=\"drop-zone\"><label for=\"verify-file\">File to verify</label> "
            + "<input type=\"file\" id=\"verify-file\" name=\"file\" aria-describedby=\"verify-help\"></div>"
            + "<p id=\"verify-hash\" class=\"hash-line\"></p>"
            + "<p id=\"verify-result\" role=\"status\" aria-live=\"polite\"></p>"
            + "</fieldset></form>";

    private VerifyControl() {
    }
}
