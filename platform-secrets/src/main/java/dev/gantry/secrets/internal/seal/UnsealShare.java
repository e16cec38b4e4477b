package dev.gantry.secrets.internal.seal;

import dev.gantry.domain.InvalidInputException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** One Shamir share as a holder keeps it: {@code <index>-<hex>}, the index being the share's x coordinate. */
public record UnsealShare(int index, byte[] bytes) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})-([0-9a-f]{64})");

    public static UnsealShare parse(String text, int shareCount) {
        var matcher = FORM.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidInputException("share", "an unseal share looks like 3-<64 hex digits>");
        }
        int index = Integer.parseInt(matcher.group(1));
        if (index < 1 || index > shareCount) {
            throw new InvalidInputException("share", "this vault has shares 1 to " + shareCount);
        }
        return new UnsealShare(index, HexFormat.of().parseHex(matcher.group(2)));
    }

    public String encode() {
        return index + "-" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "UnsealShare[index=" + index + "]";
    }
}
