package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Peers started with different default locales must write the same keys, or their endorsements disagree. */
class DefaultLocaleTest {
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void aTraceKeyIsTheSameUnderAPersianDefaultLocale() {
        final String underRoot = traceKeyOfRegistration(Locale.ROOT);
        final String underPersian = traceKeyOfRegistration(new Locale.Builder().setLanguage("fa").build());
        assertThat(underPersian).isEqualTo(underRoot).matches("[\\x00-\\x7f]+").contains("001775808000000");
    }

    @Test
    void theLocaleExecutionsOfThePomReallyRunUnderADefaultLocaleWithOtherDigits() {
        final String expected = System.getProperty("groupbuy.expectedLocale");
        Assumptions.assumeTrue(expected != null, "set only by the locale-* executions in chaincode/pom.xml");
        assertThat(Locale.getDefault().toLanguageTag()).isEqualTo(expected);
        assertThat(String.format("%d", 123)).doesNotContain("1", "2", "3");
    }

    /** The one trace key RegisterCommunity writes on a fresh ledger while {@code locale} is the default. */
    private static String traceKeyOfRegistration(final Locale locale) {
        Locale.setDefault(locale);
        final TestNet net = new TestNet();
        net.community();
        final String prefix = FakeStub.key("trace");
        assertThat(net.stub.txWrites.keySet()).filteredOn(k -> k.startsWith(prefix)).hasSize(1);
        return net.stub.txWrites.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElseThrow();
    }
}
