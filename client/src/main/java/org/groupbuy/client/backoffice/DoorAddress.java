package org.groupbuy.client.backoffice;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A household's address split into building and door for sorting: the door is the last run of
 * letters and digits ({@code 402} in {@code Building 3 Room 402}, {@code 3号楼-402}, {@code Bldg 3-402室}),
 * the building what comes before it, without a trailing separator or "Room"/"室"/"房".
 */
public record DoorAddress(String building, String door) {
    private static final Pattern LAST_DOOR = Pattern.compile("^(.*?)([0-9A-Za-z]+)([^0-9A-Za-z]*)$");
    private static final Pattern TRAILING = Pattern.compile("(?i)[\\s,/#-]*(room|rm\\.?|door|室|房|号)?[\\s,/#-]*$");

    /** Building then door, numbers compared as numbers (Building 2 before Building 10). */
    public static final Comparator<DoorAddress> ORDER = Comparator
            .comparing(DoorAddress::building, DoorAddress::natural)
            .thenComparing(DoorAddress::door, DoorAddress::natural);

    public static DoorAddress of(String address) {
        String text = address == null ? "" : address.strip();
        Matcher m = LAST_DOOR.matcher(text);
        if (!m.matches()) {
            return new DoorAddress(text, "");
        }
        String building = TRAILING.matcher(m.group(1)).replaceFirst("").strip();
        return new DoorAddress(building, m.group(2));
    }

    /** Compares text with its digit runs taken as numbers. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String na = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
                int byLength = Integer.compare(na.length(), nb.length());
                int c = byLength != 0 ? byLength : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
