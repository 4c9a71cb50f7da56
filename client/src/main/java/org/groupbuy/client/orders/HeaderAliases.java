package org.groupbuy.client.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column headers a leader's workbook may use, as group-chain exports write them, and the
 * column of our CSV each one means (docs/cli.md lists them). A header is matched after trimming,
 * without a trailing colon or a bracketed unit ({@code 数量（件）} is {@code 数量}), English ones in any case.
 * {@code building} and {@code door} together make the address {@code building-door}; {@code sku} and
 * {@code quantity} mark a workbook with one row per household and item; {@code note} is never sent.
 */
public final class HeaderAliases {
    /** Our column -> the headers that mean it, our own name first. */
    public static final Map<String, List<String>> ALIASES = aliases();

    private HeaderAliases() {
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        aliases.put("household", List.of("household", "户号", "住户编号", "编号", "跟团号"));
        aliases.put("name", List.of("name", "姓名", "收货人", "联系人", "下单人"));
        aliases.put("phone", List.of("phone", "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码"));
        aliases.put("address", List.of("address", "地址", "收货地址", "详细地址", "住址"));
        aliases.put("building", List.of("building", "楼号", "楼栋", "楼栋号", "栋号"));
        aliases.put("door", List.of("door", "门牌号", "房号", "房间号", "室号"));
        aliases.put("sku", List.of("sku", "商品", "商品编码", "商品编号", "规格编码"));
        aliases.put("quantity", List.of("quantity", "数量", "购买数量", "件数"));
        aliases.put("note", List.of("note", "备注", "团员备注", "买家备注"));
        aliases.put("offline", List.of("offline", "无智能手机", "代下单", "线下"));
        return java.util.Collections.unmodifiableMap(aliases);
    }

    /** Our column for a header, or empty for any other header (an sku column, in a workbook of item columns). */
    public static Optional<String> columnOf(String header) {
        String key = normalised(header);
        return ALIASES.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(alias -> alias.equals(key)))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The accepted headers of one column, for error messages. */
    static String accepted(String column) {
        return String.join(", ", ALIASES.get(column));
    }

    private static String normalised(String header) {
        String text = header.replace('\u3000', ' ').strip()
                .replaceFirst("[:：]$", "")
                .replaceFirst("\\s*[（(][^）)]*[）)]$", "")
                .strip();
        return text.chars().allMatch(c -> c < 128) ? text.toLowerCase(Locale.ROOT) : text;
    }
}
